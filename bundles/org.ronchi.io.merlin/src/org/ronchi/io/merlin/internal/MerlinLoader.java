package org.ronchi.io.merlin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Scan;
import org.ronchi.core.lazy.ScanOptions;
import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.io.merlin.MerlinException;

/**
 * Quantum Detectors Merlin acquisitions: {@code .mib} frames (one file or a numbered sequence) with the
 * {@code .hdr} beside them, opened from either. One signal: the frames on the scan grid
 * ({@link Scan}: the {@link ScanOptions} every raw detector format takes, the shape from the
 * {@code .hdr}, else guessed from the frame time stamps), each frame as RosettaSciIO shows it (rows
 * reversed: {@code flip=y} by default).
 */
@Component(service = FileLoader.class)
public class MerlinLoader implements FileLoader {
	static final String HDR_FILE = "hdr_file";
	/** Frames whose time stamps are read to find the scan rows, at most (rows up to this long are found). */
	static final int TIME_STAMPS = 4096;
	private static final Pattern NUMBER_AT_END = Pattern.compile("(.*?)[_-]?\\d+");

	public MerlinLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "Merlin MIB";
	}

	@Override
	public List<String> extensions() {
		return List.of("mib", "hdr");
	}

	@Override
	public List<FormatOption> options() {
		List<FormatOption> o = new ArrayList<>(ScanOptions.options(ScanOptions.Flip.Y));
		o.add(new FormatOption(HDR_FILE, "path", "<name>.hdr beside the .mib (or beside the sequence, without its number)",
				"the acquisition header to read the scan shape and settings from; an error if it does not exist"));
		return o;
	}

	@Override
	public int probe(FileProbe p) {
		if (p.startsWith(MibHeader.MAGIC)) {
			return SPECIFIC;
		}
		if (p.startsWith(HdrFile.MAGIC) && p.extension().equals("hdr")) {
			String head = new String(p.head(), StandardCharsets.ISO_8859_1);
			return head.contains(HdrFile.FRAMES) && head.contains("Counter Depth") ? SPECIFIC : 0;
		}
		return 0;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		ScanOptions scanOptions = ScanOptions.parse(path, options, ScanOptions.Flip.Y);
		boolean openedHdr = lowerName(path).endsWith(".hdr");
		Path mib = openedHdr ? dataOf(path) : path;
		List<String> warnings = new ArrayList<>();
		HdrFile hdr = hdr(mib, openedHdr ? path : null, options.get(HDR_FILE), warnings);
		MibAcquisition frames = MibAcquisition.open(mib, scanOptions);
		try {
			DataFile df = dataFile(path, frames, hdr, scanOptions);
			warnings.forEach(df::warn);
			return df;
		} catch (RuntimeException e) {
			frames.close();
			throw e;
		}
	}

	private DataFile dataFile(Path path, MibAcquisition a, HdrFile hdr, ScanOptions scanOptions) {
		List<String> warnings = new ArrayList<>(a.warnings);
		Scan scan = Scan.of(a.files.get(0), a.frames, scanOptions, scanShape(a, hdr));
		warnings.addAll(scan.warnings());
		ArraySource data = scan.place(a.frames());

		long[] nav = scan.navigation();
		List<Axis> axes = new ArrayList<>();
		String[] navNames = nav.length == 2 ? new String[] { "y", "x" } : nav.length == 1 ? new String[] { "frame" } : new String[nav.length];
		for (int d = 0; d < nav.length; d++) {
			axes.add(Axis.index(navNames[d] != null ? navNames[d] : "scan" + d, nav[d]).withNavigate(true));
		}
		axes.add(Axis.index("ky", a.pixels.rows));
		axes.add(Axis.index("kx", a.pixels.columns));

		MetadataTree original = new MetadataTree();
		original.put("header", a.first.toTree());
		if (hdr != null) {
			original.put("hdr", hdr.toTree());
		}
		original.put("files", a.files.stream().map(f -> f.getFileName().toString()).toList());
		original.put("scan", scan.toTree());

		String title = stem(a.files.get(0));
		MetadataMapping.Result mapped = MetadataMappings.forVendor("merlin", MerlinLoader.class).apply(original);
		warnings.addAll(mapped.warnings());
		MetadataTree standard = mapped.standard();
		standard.set("general.title", title);
		standard.set("general.original_filename", path.getFileName().toString());
		standard.set("signal.type", nav.length > 0 ? "diffraction" : "image");
		if (nav.length == 2) {
			standard.set("acquisition.instrument.acquisition_mode", "STEM");
		}

		ArrayNode node = new ArrayNode(title, data).axes(axes).title(title).kind(nav.length > 0 ? "diffraction" : "image").quantity("Counts", "");
		node.metadata(standard).originalMetadata(original);
		Group root = Group.root();
		root.add(node);
		DataFile df = new DataFile(path, name(), a.first.raw() ? "RAW " + a.first.depth + "-bit" : a.first.pixelType, root, a::close);
		df.addSignal(node);
		df.metadata().merge(standard);
		df.originalMetadata().merge(original);
		warnings.forEach(df::warn);
		return df;
	}

	/**
	 * The scan shape: what the .hdr records (ScanX/ScanY, one trigger per row); when it records one frame
	 * per trigger, or there is no .hdr, the rows the time stamps show (a guess); else the .hdr's stack of
	 * frames, or nothing (then {@link Scan} guesses).
	 */
	private static Scan.Shape scanShape(MibAcquisition a, HdrFile hdr) {
		Scan.Shape recorded = hdr == null ? null : hdr.scan();
		if (recorded != null && !hdr.framePerTrigger()) {
			return recorded;
		}
		if (a.frames >= 3) {
			long[] t = a.timeStamps(TIME_STAMPS);
			int row = t == null ? 0 : ScanLines.rowLength(t);
			if (row > 0) {
				return Scan.Shape.guessed("a longer pause every " + row + " frames in the frame time stamps (the beam's flyback)",
						(a.frames + row - 1) / row, row);
			}
		}
		return recorded;
	}

	/**
	 * @param opened the .hdr opened by the user, or null
	 * @param option the {@value #HDR_FILE} option, or null
	 * @return the acquisition header, or null when there is none (it is optional: one found beside the
	 *         data that does not parse is a warning; one the user named, an error)
	 */
	static HdrFile hdr(Path mib, Path opened, Object option, List<String> warnings) {
		if (option != null) {
			Path p = option instanceof Path q ? q : Paths.get(String.valueOf(option));
			if (!Files.isRegularFile(p)) {
				throw new InvalidRequestException(mib, "option " + HDR_FILE, "names " + p + ", which does not exist");
			}
			return HdrFile.read(p);
		}
		if (opened != null) {
			return HdrFile.read(opened);
		}
		String stem = stem(mib);
		Path found = mib.resolveSibling(stem + ".hdr");
		Matcher m = NUMBER_AT_END.matcher(stem);
		if (!Files.isRegularFile(found) && m.matches() && !m.group(1).isEmpty()) {
			found = mib.resolveSibling(m.group(1) + ".hdr");
		}
		if (!Files.isRegularFile(found)) {
			return null;
		}
		try {
			return HdrFile.read(found);
		} catch (MerlinException e) {
			warnings.add("the .hdr beside the data is not read: " + e.getMessage());
			return null;
		}
	}

	/**
	 * @return the data a .hdr describes: {@code <name>.mib}, else the first of a sequence
	 *         {@code <name><number>.mib} (or with {@code _} or {@code -} before the number)
	 * @throws MerlinException naming the .mib files looked for when there is none
	 */
	static Path dataOf(Path hdr) {
		String stem = stem(hdr);
		Path same = hdr.resolveSibling(stem + ".mib");
		if (Files.isRegularFile(same)) {
			return same;
		}
		Pattern numbered = Pattern.compile(Pattern.quote(stem) + "[_-]?(\\d+)\\.mib", Pattern.CASE_INSENSITIVE);
		try (var s = Files.list(hdr.toAbsolutePath().getParent())) {
			return s.filter(p -> numbered.matcher(p.getFileName().toString()).matches())
					.min((p, q) -> Long.compare(number(numbered, p), number(numbered, q)))
					.orElseThrow(() -> new MerlinException(hdr, ".hdr", "has no data beside it: neither " + stem + ".mib nor " + stem
							+ "<number>.mib is there"));
		} catch (IOException e) {
			throw new RonchiException(hdr, null, "cannot list its folder for the .mib files: " + e.getMessage(), e);
		}
	}

	private static long number(Pattern numbered, Path p) {
		Matcher m = numbered.matcher(p.getFileName().toString());
		m.matches();
		String digits = m.group(1);
		return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
	}

	static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? n : n.substring(0, dot);
	}

	static String lowerName(Path p) {
		return p.getFileName().toString().toLowerCase(Locale.ROOT);
	}
}
