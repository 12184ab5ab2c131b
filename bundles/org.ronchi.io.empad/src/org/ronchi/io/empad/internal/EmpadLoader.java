package org.ronchi.io.empad.internal;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.ronchi.io.empad.EmpadException;

/**
 * EMPAD acquisitions, opened through their {@code .xml}: the {@code .raw} it names holds little-endian
 * float32 frames of 130 rows x 128 columns with no file header; the last 2 rows of each frame are a footer
 * (skipped by the layout, never read), so patterns are 128 x 128. Shown in HyperSpy order (scan_y, scan_x,
 * height, width) on the scan {@link EmpadScanSize} finds, or (series_count, height, width) for a series.
 * Calibrations as RosettaSciIO's: scan steps from the field of view (here in nm), pattern pixels from
 * {@code calibrated_pixelsize} in 1/nm with the origin at the pattern's centre (offset -64 pixels).
 * <p>
 * RosettaSciIO reshapes the frames as (pix_x, pix_y); Ronchi as (y, x), rows of x positions, which is what
 * the file holds when the two differ (a {@code scan_x32_y64} acquisition is 64 rows of 32).
 */
@Component(service = FileLoader.class)
public class EmpadLoader implements FileLoader {
	static final String NAME = "EMPAD";
	static final int SIDE = 128;
	/** The 2 footer rows after each frame's 128 rows. */
	static final int FOOTER = 2 * SIDE * 4;
	static final long FRAME_BYTES = (long) SIDE * SIDE * 4 + FOOTER;

	public EmpadLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> extensions() {
		return List.of("xml");
	}

	@Override
	public List<FormatOption> options() {
		return ScanOptions.options(ScanOptions.Flip.NONE);
	}

	/** An XML whose root is {@code <root>} and that names a raw file or a scan (other XML formats do not). */
	@Override
	public int probe(FileProbe p) {
		if (!p.extension().equals("xml")) {
			return 0;
		}
		String head = new String(p.head(), StandardCharsets.ISO_8859_1);
		boolean root = head.stripLeading().startsWith("<root") || head.contains("?>\n<root") || head.contains("?><root");
		return root && (head.contains("<raw_file") || head.contains("<pix_x>") || head.contains("<scan_parameters")) ? SPECIFIC : 0;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		ScanOptions so = ScanOptions.parse(path, options, ScanOptions.Flip.NONE);
		EmpadXml xml = EmpadXml.read(path);
		Path raw = path.resolveSibling(xml.rawFile());
		if (!Files.isRegularFile(raw)) {
			throw new EmpadException(path, "<raw_file filename=\"" + xml.rawFile() + "\">", "the data file " + raw + " is missing");
		}
		FileBytes f = FileBytes.open(raw, EmpadException::new);
		try {
			return open(path, xml, f, so);
		} catch (RuntimeException e) {
			f.close();
			throw e;
		}
	}

	private DataFile open(Path path, EmpadXml xml, FileBytes f, ScanOptions so) {
		long frames = Scan.wholeFrames(EmpadException::new, f.path(), "EMPAD frame", 0, f.size(), FRAME_BYTES, so);
		if (frames == 0) {
			throw new EmpadException(f.path(), "EMPAD frames", "none stored: the file holds " + f.size() + " bytes, a frame " + FRAME_BYTES);
		}
		List<String> warnings = new ArrayList<>();
		Scan.Shape shape = EmpadScanSize.of(xml, f.path().getFileName().toString(), frames);
		Scan scan = Scan.of(path, frames, so, shape);
		warnings.addAll(scan.warnings());

		Layout layout = Layout.frames(DType.FLOAT32, ByteOrder.LITTLE_ENDIAN, 0, new long[] { frames }, new long[] { SIDE, SIDE }, 0, FOOTER)
				.named(k -> "EMPAD frame " + k);
		ArraySource data = scan.place(LayoutSource.frames(f, layout));
		List<Axis> axes = new ArrayList<>(navigationAxes(scan, shape, xml));
		double px = xml.pixelSize() != null ? xml.pixelSize() * 1e9 : 1;
		String units = xml.pixelSize() != null ? "1/nm" : "";
		axes.add(Axis.linear("height", units, SIDE, px, -64 * px));
		axes.add(Axis.linear("width", units, SIDE, px, -64 * px));

		MetadataTree original = xml.tree().copy().put("scan", scan.toTree());
		MetadataMapping.Result r = MetadataMappings.forVendor("empad", EmpadLoader.class).apply(original);
		warnings.addAll(r.warnings());
		MetadataTree standard = r.standard();
		String title = stem(path);
		standard.set("general.title", title);
		standard.set("general.original_filename", path.getFileName().toString());
		standard.set("acquisition.detector.name", NAME);
		standard.set("signal.type", "diffraction");

		ArrayNode node = new ArrayNode(title, data).axes(axes).title(title).kind("diffraction").quantity("Intensity", "");
		node.originalMetadata(original).metadata(standard);
		Group root = Group.root();
		root.add(node);
		Object version = original.at("root", "software_version");
		DataFile df = new DataFile(path, NAME, version instanceof String s ? s : "", root, f);
		df.addSignal(node);
		df.metadata().merge(standard);
		df.originalMetadata().merge(original);
		warnings.forEach(df::warn);
		return df;
	}

	/** The scan the XML records is calibrated from its field of view; any other grid is in positions. */
	private static List<Axis> navigationAxes(Scan scan, Scan.Shape shape, EmpadXml xml) {
		long[] nav = scan.navigation();
		List<Axis> out = new ArrayList<>();
		if (xml.seriesCount() != null && nav.length == 1) {
			out.add(Axis.index("series_count", nav[0]).withNavigate(true));
			return out;
		}
		long[] recorded = shape == null ? null : shape.navigation();
		boolean wholeRows = recorded != null && recorded.length == 2 && nav.length == 2 && nav[1] == recorded[1] && nav[0] <= recorded[0];
		if (wholeRows && xml.fieldOfView() != null) {
			out.add(Axis.linear("scan_y", "nm", nav[0], xml.fieldOfView()[1] / recorded[0] * 1e9, 0).withNavigate(true));
			out.add(Axis.linear("scan_x", "nm", nav[1], xml.fieldOfView()[0] / recorded[1] * 1e9, 0).withNavigate(true));
			return out;
		}
		String[] names = nav.length == 1 ? new String[] { "frame" } : nav.length == 2 ? new String[] { "scan_y", "scan_x" } : null;
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
