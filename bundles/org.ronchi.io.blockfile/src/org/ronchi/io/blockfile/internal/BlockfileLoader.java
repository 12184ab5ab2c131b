package org.ronchi.io.blockfile.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
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
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.io.blockfile.BlockfileException;

/**
 * NanoMegas ASTAR blockfiles ({@code .blo}): the diffraction patterns (8-bit, square, each behind a
 * 6-byte marker {@code AA 55} + u32 pattern number) on the header's NY x NX scan, in HyperSpy order (y, x,
 * dy, dx) as RosettaSciIO shows them, then the navigation image the acquisition software stored (a
 * virtual bright field, NY x NX bytes). Scan steps in nm, pattern pixels in cm (the header's
 * {@code SDP} is 100 x pixels per cm).
 * <p>
 * A truncated last pattern is refused ({@code last_frame} reads the whole ones; RosettaSciIO pads it with
 * zeros); a scan that stopped early shows its whole rows, as {@link Scan} decides.
 */
@Component(service = FileLoader.class)
public class BlockfileLoader implements FileLoader {
	static final String NAME = "Blockfile";
	/** The marker before each pattern: u16 0x55AA little-endian, then the u32 pattern number. */
	private static final int MARKER = 0x55AA;
	private static final int PATTERN_HEADER = 6;

	public BlockfileLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> extensions() {
		return List.of("blo");
	}

	@Override
	public List<FormatOption> options() {
		return ScanOptions.options(ScanOptions.Flip.NONE);
	}

	@Override
	public int probe(FileProbe p) {
		return p.size() >= BlockfileHeader.SIZE && p.startsWith(BlockfileHeader.ID) ? SPECIFIC : 0;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		ScanOptions so = ScanOptions.parse(path, options, ScanOptions.Flip.NONE);
		FileBytes f = FileBytes.open(path, BlockfileException::new);
		try {
			return open(f, so);
		} catch (RuntimeException e) {
			f.close();
			throw e;
		}
	}

	private DataFile open(FileBytes f, ScanOptions so) {
		Path path = f.path();
		BlockfileHeader h = BlockfileHeader.read(f);
		List<String> warnings = new ArrayList<>();
		if (h.magic() != BlockfileHeader.MAGIC) {
			warnings.add("blockfile header MAGIC is 0x" + Integer.toHexString(h.magic()) + ", not 0x0102: read as the known layout");
		}
		int dp = h.patternSize();
		long record = PATTERN_HEADER + (long) dp * dp;
		long frames = Scan.wholeFrames(BlockfileException::new, path, "blockfile pattern", h.dataOffset(), f.size(), record, so);
		if (frames == 0) {
			throw BlockfileException.at(path, "blockfile patterns", h.dataOffset(), "none stored: the file ends at " + f.size());
		}
		checkMarker(f, h.dataOffset(), record, 0);
		checkMarker(f, h.dataOffset(), record, frames - 1);
		Scan scan = Scan.of(path, frames, so, Scan.Shape.known("the header's NY, NX", h.ny(), h.nx()));
		warnings.addAll(scan.warnings());

		Layout layout = Layout.frames(DType.UINT8, ByteOrder.LITTLE_ENDIAN, h.dataOffset(), new long[] { frames }, new long[] { dp, dp },
				PATTERN_HEADER, 0).named(k -> "blockfile pattern " + k);
		ArraySource patterns = scan.place(LayoutSource.frames(f, layout));
		List<Axis> axes = new ArrayList<>(navigationAxes(scan, h));
		double sdp = h.sdp() > 0 ? 100.0 / h.sdp() : 1;
		String sdpUnits = h.sdp() > 0 ? "cm" : "";
		axes.add(Axis.linear("dy", sdpUnits, dp, sdp, 0));
		axes.add(Axis.linear("dx", sdpUnits, dp, sdp, 0));

		MetadataTree original = new MetadataTree().put("blockfile_header", h.tree()).put("scan", scan.toTree());
		MetadataTree standard = standard(original, h, path, warnings);
		String stem = stem(path);
		ArrayNode data = new ArrayNode(stem, patterns).axes(axes).title(stem).kind("diffraction").quantity("Intensity", "");
		data.originalMetadata(original).metadata(standard.copy().set("signal.type", "diffraction"));

		Layout nav = Layout.of(DType.UINT8, ByteOrder.LITTLE_ENDIAN, h.navOffset(), h.ny(), h.nx()).named("blockfile navigation image");
		ArrayNode vbf = new ArrayNode("navigation_image", new LayoutSource(f, nav, null))
				.axes(List.of(Axis.linear("y", "nm", h.ny(), h.sy(), 0), Axis.linear("x", "nm", h.nx(), h.sx(), 0)))
				.title("virtual bright field").kind("image").quantity("Intensity", "");
		vbf.originalMetadata(original).metadata(standard.copy().set("general.title", "virtual bright field").set("signal.type", "image"));

		Group root = Group.root();
		root.add(data);
		root.add(vbf);
		DataFile df = new DataFile(path, NAME, Integer.toHexString(h.magic()), root, f);
		df.addSignal(data);
		df.addSignal(vbf);
		df.metadata().merge(standard);
		df.originalMetadata().merge(original);
		warnings.forEach(df::warn);
		return df;
	}

	/** The header's sizes are only right if the marker is where they put the pattern. */
	private static void checkMarker(FileBytes f, long start, long record, long k) {
		long at = start + k * record;
		ByteBuffer b = f.read("blockfile pattern " + k + " marker", at, PATTERN_HEADER);
		int m = Short.toUnsignedInt(b.getShort(0));
		if (m != MARKER) {
			throw BlockfileException.at(f.path(), "blockfile pattern " + k + " marker", at,
					"is 0x" + Integer.toHexString(m) + ", not 0x55aa: the header's pattern size or data offset does not fit the file");
		}
	}

	/** The scan as the header describes it is calibrated; a grid the user chose is in positions. */
	private static List<Axis> navigationAxes(Scan scan, BlockfileHeader h) {
		long[] nav = scan.navigation();
		List<Axis> out = new ArrayList<>();
		if (Arrays.equals(nav, new long[] { h.ny(), h.nx() })) {
			out.add(Axis.linear("y", "nm", nav[0], h.sy(), 0).withNavigate(true));
			out.add(Axis.linear("x", "nm", nav[1], h.sx(), 0).withNavigate(true));
		} else if (nav.length == 1 && h.ny() == 1 && nav[0] <= h.nx()) {
			out.add(Axis.linear("x", "nm", nav[0], h.sx(), 0).withNavigate(true));
		} else if (nav.length == 1 && h.nx() == 1 && nav[0] <= h.ny()) {
			out.add(Axis.linear("y", "nm", nav[0], h.sy(), 0).withNavigate(true));
		} else if (nav.length == 2 && nav[1] == h.nx()) { // whole rows of a scan that stopped early
			out.add(Axis.linear("y", "nm", nav[0], h.sy(), 0).withNavigate(true));
			out.add(Axis.linear("x", "nm", nav[1], h.sx(), 0).withNavigate(true));
		} else {
			String[] names = nav.length == 1 ? new String[] { "frame" } : nav.length == 2 ? new String[] { "y", "x" } : null;
			for (int i = 0; i < nav.length; i++) {
				out.add(Axis.index(names != null ? names[i] : "scan_" + i, nav[i]).withNavigate(true));
			}
		}
		return out;
	}

	private static MetadataTree standard(MetadataTree original, BlockfileHeader h, Path path, List<String> warnings) {
		MetadataMapping.Result r = MetadataMappings.forVendor("blockfile", BlockfileLoader.class).apply(original);
		warnings.addAll(r.warnings());
		MetadataTree s = r.standard();
		s.set("general.title", stem(path));
		s.set("general.original_filename", path.getFileName().toString());
		String when = h.dateTime();
		if (when != null) {
			s.set("general.date_time", when);
		}
		return s;
	}

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? n : n.substring(0, dot);
	}
}
