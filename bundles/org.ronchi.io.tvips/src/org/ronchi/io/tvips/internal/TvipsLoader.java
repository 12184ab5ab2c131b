package org.ronchi.io.tvips.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Scan;
import org.ronchi.core.lazy.ScanOptions;
import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.io.tvips.TvipsException;

/**
 * TVIPS recorder streams: {@code <name>_000.tvips} (series header, then frames) and the files that continue
 * it ({@code _001.tvips}, ... : frames only), read as one byte stream, so a frame may straddle two files.
 * Each frame is a header ({@link TvipsFrameHeader}) then {@code dimy x dimx} u8/u16 pixels, little-endian.
 * <p>
 * A recording whose v2 frame headers carry scan positions is shown as its scan (y, x, dy, dx), starting
 * at the detected sync offset ({@link TvipsScanDetector}); otherwise as a stack of frames (time, dy, dx)
 * with a time axis (the step from the first frame to the second, from 0). The options
 * ({@code navigation_shape}, {@code sync_offset}, ...) override either.
 */
@Component(service = FileLoader.class)
public class TvipsLoader implements FileLoader {
	static final String NAME = "TVIPS";
	private static final Pattern PART = Pattern.compile("(.*)_(\\d{3})\\.(tvips)", Pattern.CASE_INSENSITIVE);

	public TvipsLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> extensions() {
		return List.of("tvips");
	}

	@Override
	public List<FormatOption> options() {
		return ScanOptions.options(ScanOptions.Flip.NONE, "detected from the v2 frame headers' scan positions, else 0");
	}

	@Override
	public int probe(FileProbe p) {
		if (p.size() < TvipsSeriesHeader.SIZE || p.head().length < 52) {
			return 0;
		}
		if (!TvipsSeriesHeader.plausible(ByteBuffer.wrap(p.head()).order(ByteOrder.LITTLE_ENDIAN))) {
			return 0;
		}
		return p.extension().equals("tvips") ? SPECIFIC : GENERIC;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		ScanOptions so = ScanOptions.parse(path, options, ScanOptions.Flip.NONE);
		List<FileBytes> files = new ArrayList<>();
		try {
			for (Path p : series(path)) {
				files.add(FileBytes.open(p, TvipsException::new));
			}
			return open(files, so);
		} catch (RuntimeException e) {
			files.forEach(FileBytes::close);
			throw e;
		}
	}

	/** @return the file and the parts continuing it ({@code _001}, {@code _002}, ... while they exist) */
	static List<Path> series(Path first) {
		List<Path> out = new ArrayList<>();
		out.add(first);
		Matcher m = PART.matcher(first.getFileName().toString());
		if (!m.matches()) {
			return out;
		}
		if (!m.group(2).equals("000")) {
			Path start = first.resolveSibling(m.group(1) + "_000." + m.group(3));
			throw new TvipsException(first, "file name", "part " + m.group(2) + " of a split TVIPS series holds no series header; open "
					+ start.getFileName() + (Files.exists(start) ? "" : ", which is missing"));
		}
		for (int i = 1; i < 1000; i++) {
			Path next = first.resolveSibling(m.group(1) + String.format(Locale.ROOT, "_%03d.", i) + m.group(3));
			if (!Files.isRegularFile(next)) {
				break;
			}
			out.add(next);
		}
		return out;
	}

	private DataFile open(List<FileBytes> files, ScanOptions options) {
		FileBytes first = files.get(0);
		Path path = first.path();
		TvipsSeriesHeader h = TvipsSeriesHeader.read(first);
		ByteSource bytes = files.size() == 1 ? first : ByteSource.concat(files);
		long frames = Scan.wholeFrames(TvipsException::new, path, "TVIPS frame", h.size(), bytes.size(), h.record(), options);
		if (frames == 0) {
			throw TvipsException.at(path, "TVIPS frames", h.size(), "none stored: the " + files.size() + " file(s) end at byte " + bytes.size());
		}
		List<String> warnings = new ArrayList<>();
		TvipsScanDetector.Detected detected = TvipsScanDetector.detect(bytes, h, frames, warnings);
		ScanOptions so = detected != null ? options.syncOffsetIfUnset(detected.syncOffset()) : options;
		Scan.Shape shape = detected != null ? detected.shape() : stack(path, frames, so);
		Scan scan = Scan.of(path, frames, so, shape);
		warnings.addAll(scan.warnings());

		Layout layout = Layout.frames(h.dtype(), ByteOrder.LITTLE_ENDIAN, h.size(), new long[] { frames }, new long[] { h.height(), h.width() },
				h.frameHeader(), 0).named(k -> "TVIPS frame " + k);
		ArraySource data = scan.place(LayoutSource.frames(bytes, layout));
		TvipsFrameHeader head = TvipsFrameHeader.read(bytes, h, 0);
		boolean diffraction = head.mode() == 2;
		List<Axis> axes = new ArrayList<>(navigationAxes(scan, bytes, h, detected == null && options.navigationShape() == null));
		String units = diffraction ? "1/nm" : "nm";
		axes.add(Axis.linear("dy", units, h.height(), h.pixelSize(), h.offsetY()));
		axes.add(Axis.linear("dx", units, h.width(), h.pixelSize(), h.offsetX()));

		MetadataTree original = new MetadataTree().put("tvips_header", h.tree()).put("first_frame_header", head.tree()).put("scan", scan.toTree());
		original.put("files", files.stream().map(f -> f.path().getFileName().toString()).toList());
		MetadataMapping.Result r = MetadataMappings.forVendor("tvips", TvipsLoader.class).apply(original);
		warnings.addAll(r.warnings());
		MetadataTree standard = r.standard();
		String title = stem(path);
		standard.set("general.title", title);
		standard.set("general.original_filename", path.getFileName().toString());
		standard.set("signal.type", diffraction ? "diffraction" : "image");

		ArrayNode node = new ArrayNode(title, data).axes(axes).title(title).kind(diffraction ? "diffraction" : "image-stack")
				.quantity("Intensity", "");
		node.originalMetadata(original).metadata(standard);
		Group root = Group.root();
		root.add(node);
		DataFile df = new DataFile(path, NAME, Integer.toString(h.version()), root, () -> files.forEach(FileBytes::close));
		df.addSignal(node);
		df.metadata().merge(standard);
		df.originalMetadata().merge(original);
		warnings.forEach(df::warn);
		return df;
	}

	/**
	 * @return a stack of the frames the options select: how many is Scan's to work out (from the stored
	 *         count it shows exactly the frames available, saying so, which a recording without scan
	 *         positions needs not be told)
	 */
	private static Scan.Shape stack(Path path, long frames, ScanOptions so) {
		long shown = Scan.of(path, frames, so, Scan.Shape.known("the frames as stored", frames)).positions();
		return Scan.Shape.known("the frames as stored", shown);
	}

	/**
	 * @param timeAxis a stack of frames as stored: calibrated in time by the step from the first shown frame
	 *                 to the next, as RosettaSciIO does, but from 0 (RosettaSciIO starts at the first time
	 *                 stamp, ~1e9 s, where a step of 1 ms is lost in the coordinates' precision; the start is
	 *                 general.date_time)
	 */
	private static List<Axis> navigationAxes(Scan scan, ByteSource bytes, TvipsSeriesHeader h, boolean timeAxis) {
		long[] nav = scan.navigation();
		List<Axis> out = new ArrayList<>();
		if (timeAxis && nav.length == 1) {
			long f0 = scan.frameAt(0);
			long f1 = scan.frameAt(1);
			TvipsFrameHeader first = f0 < 0 ? null : TvipsFrameHeader.read(bytes, h, f0);
			double step = first == null || f1 < 0 ? 1 : first.secondsTo(TvipsFrameHeader.read(bytes, h, f1));
			out.add(Axis.linear("time", "s", nav[0], step, 0).withNavigate(true));
			return out;
		}
		String[] names = nav.length == 1 ? new String[] { "frame" } : nav.length == 2 ? new String[] { "y", "x" } : null;
		for (int i = 0; i < nav.length; i++) {
			out.add(Axis.index(names != null ? names[i] : "scan_" + i, nav[i]).withNavigate(true));
		}
		return out;
	}

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? n : n.substring(0, dot);
	}
}
