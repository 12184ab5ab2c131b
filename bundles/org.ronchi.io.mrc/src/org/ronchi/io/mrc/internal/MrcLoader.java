package org.ronchi.io.mrc.internal;

import org.ronchi.core.io.FileBytes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.io.RonchiException;
import org.ronchi.io.mrc.MrcException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;

/**
 * MRC2014 and CCP4 files: images, stacks, volumes and movies ({@code .mrc .mrcs .map .ccp4 .rec .st}),
 * with FEI1/FEI2 extended headers (EPU, Velox), CCP4 symmetry records (EMDB maps) and Direct
 * Electron movies with their sidecars.
 * <p>
 * Options:
 * <ul>
 * <li>{@code navigation_shape}: navigation dimensions of a movie's frames, slowest first (numpy order,
 * the reverse of HyperSpy's {@code navigation_shape}), e.g. {@code [32, 8]} or {@code "32,8"}; must
 * multiply to nz.</li>
 * <li>{@code metadata_file}: the Direct Electron {@code _info.txt} to use (default: {@code <dataset>_info.txt}
 * beside a {@code <dataset>_movie.mrc}, or {@code <name>_info.txt} beside any {@code <name>.mrc}).</li>
 * <li>{@code scan_file}: the DE scan coordinates CSV (default: {@code <dataset>*coordinates.csv}).</li>
 * <li>{@code permute_axes}: show a map stored in another axis order (mapc, mapr, maps) as z, y, x
 * (default true); false shows sections, rows, columns as stored.</li>
 * </ul>
 */
@Component(service = FileLoader.class)
public class MrcLoader implements FileLoader {
	private static final List<String> EXTENSIONS = List.of("mrc", "mrcs", "map", "ccp4", "rec", "st");
	private static final Pattern MOVIE = Pattern.compile("(.+)_movie\\.mrcs?", Pattern.CASE_INSENSITIVE);

	public MrcLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "MRC";
	}

	@Override
	public List<String> extensions() {
		return EXTENSIONS;
	}

	@Override
	public List<FormatOption> options() {
		return List.of(new FormatOption("navigation_shape", "shape", "none", "navigation sizes, slowest first ([256, 256] or \"256,256\"); must multiply to nz"),
				FormatOption.bool("permute_axes", true, "permute a non-standard axis order (mapc, mapr, maps) to (z, y, x); false shows the block as stored"),
				new FormatOption("metadata_file", "path", "<dataset>_info.txt beside a DE movie", "the Direct Electron sidecar to read"),
				new FormatOption("scan_file", "path", "<dataset>*coordinates.csv beside a DE movie", "the Direct Electron scan coordinates to read"));
	}

	/**
	 * MRC has no magic number except "MAP " at byte 208 (MRC2014, CCP4; older MRC files lack it), so
	 * without it the header must be plausible and its data block must fill the file exactly.
	 */
	@Override
	public int probe(FileProbe p) {
		if (p.size() < MrcHeader.SIZE || p.head().length < MrcHeader.SIZE) {
			return 0;
		}
		ByteBuffer b = ByteBuffer.wrap(p.head(), 0, MrcHeader.SIZE).slice().order(ByteOrder.LITTLE_ENDIAN);
		ByteOrder order = MrcHeader.byteOrder(b);
		b.order(order);
		boolean sized = b.getInt(0) > 0 && b.getInt(4) > 0 && b.getInt(8) > 0;
		if (sized && p.matchesAt(208, (byte) 'M', (byte) 'A', (byte) 'P', (byte) ' ')) {
			return SPECIFIC;
		}
		if (!MrcHeader.plausible(b, order)) {
			return 0;
		}
		MrcMode mode = MrcMode.of(b.getInt(12), p.path());
		long nsymbt = b.getInt(92);
		// in double: three sizes below 2^24 can overflow a long, and sizes of real files are exact below 2^53
		double data = (double) mode.rowBytes(b.getInt(0)) * b.getInt(4) * b.getInt(8);
		boolean exact = nsymbt >= 0 && MrcHeader.SIZE + nsymbt + data == p.size();
		boolean named = EXTENSIONS.contains(p.extension());
		if (exact) {
			return named ? SPECIFIC - 5 : GENERIC + 10;
		}
		return named && nsymbt >= 0 && MrcHeader.SIZE + nsymbt + data <= p.size() ? GENERIC : 0;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		List<String> warnings = new ArrayList<>();
		long[] navigation = navigationOption(path, options.get("navigation_shape"));
		boolean permute = !Boolean.FALSE.equals(bool(options.get("permute_axes")));
		String name = path.getFileName().toString();
		Matcher movie = MOVIE.matcher(name);
		String dataset = movie.matches() ? movie.group(1) : null;

		Path infoFile = pathOption(options.get("metadata_file"));
		if (infoFile == null) {
			// DE names the sidecar after the dataset ("<dataset>_movie.mrc" -> "<dataset>_info.txt")
			Path guess = path.resolveSibling((dataset != null ? dataset : stem(path)) + "_info.txt");
			infoFile = Files.isRegularFile(guess) ? guess : null;
		}
		Path scanFile = pathOption(options.get("scan_file"));
		if (scanFile == null && dataset != null) {
			scanFile = firstSibling(path, dataset, "coordinates.csv");
		}
		DeInfo de = infoFile == null ? null : DeInfo.read(infoFile, warnings);

		List<FileBytes> open = new ArrayList<>();
		List<ArrayNode> nodes = new ArrayList<>();
		try {
			FileBytes f = FileBytes.open(path, MrcException::new);
			open.add(f);
			nodes.add(MrcSignal.open(f, stem(path), new MrcSignal.Layout(navigation, de, scanFile, permute), warnings));
			if (dataset != null) {
				for (Path extra : deImages(path, dataset)) {
					FileBytes g = FileBytes.open(extra, MrcException::new);
					open.add(g);
					nodes.add(MrcSignal.open(g, stem(extra), new MrcSignal.Layout(null, null, null, permute), warnings));
				}
			}
		} catch (RuntimeException e) {
			open.forEach(FileBytes::close);
			throw e;
		}
		Group root = Group.root();
		nodes.forEach(root::add);
		Object nversion = nodes.get(0).originalMetadata().at("header", "nversion");
		String version = nversion instanceof Integer v && v != 0 ? Integer.toString(v) : "";
		DataFile df = new DataFile(path, name(), version, root, () -> open.forEach(FileBytes::close));
		nodes.forEach(df::addSignal);
		df.metadata().merge(nodes.get(0).metadata());
		df.originalMetadata().merge(nodes.get(0).originalMetadata());
		warnings.forEach(df::warn);
		return df;
	}

	/**
	 * The images DE-Server saves with a movie: virtual detector images {@code <dataset>_<k>_<name>.mrc}
	 * and external detector images {@code <dataset>_ext<k>_<name>.mrc}, opened as further signals.
	 */
	static List<Path> deImages(Path movie, String dataset) {
		Pattern own = Pattern.compile(Pattern.quote(dataset) + "_(\\d|ext\\d)_.+\\.mrc", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> s = Files.list(movie.toAbsolutePath().getParent())) {
			return s.filter(p -> own.matcher(p.getFileName().toString()).matches()).filter(Files::isRegularFile).sorted().toList();
		} catch (IOException e) {
			throw new RonchiException(movie, null, "cannot list its folder for DE images: " + e.getMessage(), e);
		}
	}

	private static Path firstSibling(Path file, String prefix, String suffix) {
		try (Stream<Path> s = Files.list(file.toAbsolutePath().getParent())) {
			return s.filter(p -> {
				String n = p.getFileName().toString();
				return n.startsWith(prefix) && n.toLowerCase(Locale.ROOT).endsWith(suffix);
			}).sorted().findFirst().orElse(null);
		} catch (IOException e) {
			throw new RonchiException(file, null, "cannot list its folder for DE sidecars: " + e.getMessage(), e);
		}
	}

	private static long[] navigationOption(Path file, Object v) {
		if (v == null) {
			return null;
		}
		try {
			if (v instanceof long[] l) {
				return l.clone();
			}
			if (v instanceof int[] a) {
				return Arrays.stream(a).asLongStream().toArray();
			}
			if (v instanceof List<?> list) {
				return list.stream().mapToLong(o -> Long.parseLong(String.valueOf(o).trim())).toArray();
			}
			String s = String.valueOf(v).replaceAll("[()\\[\\]\\s]", "");
			return Arrays.stream(s.split("[,x]")).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
		} catch (NumberFormatException e) {
			throw new InvalidRequestException(file, "option navigation_shape", "expected sizes such as \"32,8\", got: " + v);
		}
	}

	private static Path pathOption(Object v) {
		return v == null ? null : v instanceof Path p ? p : Paths.get(String.valueOf(v));
	}

	private static Boolean bool(Object v) {
		return v == null ? null : v instanceof Boolean b ? b : Boolean.valueOf(String.valueOf(v).trim());
	}

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? n : n.substring(0, dot);
	}
}
