package org.ronchi.io.tia.internal;

import org.ronchi.core.io.FileBytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.io.tia.TiaException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;

/**
 * FEI/Thermo Fisher TIA (TEM Imaging &amp; Analysis) data: {@code .ser} series files and the {@code .emi}
 * file that ties them together. Opening {@code name.emi} returns one signal per {@code name_N.ser}
 * (N = 1, 2, ..., one per detector), in N order; opening one {@code name_N.ser} returns that series,
 * with the metadata of {@code name.emi} if it lies beside it. No options.
 */
@Component(service = FileLoader.class)
public class TiaLoader implements FileLoader {
	private static final Pattern SER_NAME = Pattern.compile("(.+)_(\\d+)\\.ser", Pattern.CASE_INSENSITIVE);

	public TiaLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "TIA";
	}

	@Override
	public List<String> extensions() {
		return List.of("ser", "emi");
	}

	@Override
	public int probe(FileProbe p) {
		if (isSer(p.head())) {
			return SPECIFIC;
		}
		if (p.startsWith(EmiFile.MAGIC)) {
			return p.extension().equals("emi") ? SPECIFIC : GENERIC;
		}
		return 0;
	}

	/** Byte order 0x4949, series id 0x0197, version 0x0210 or 0x0220. */
	static boolean isSer(byte[] head) {
		return head.length >= 6 && head[0] == 0x49 && head[1] == 0x49 && head[2] == (byte) 0x97 && head[3] == 0x01
				&& (head[4] == 0x10 || head[4] == 0x20) && head[5] == 0x02;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		String name = path.getFileName().toString();
		boolean emi = name.toLowerCase(Locale.ROOT).endsWith(".emi") && !startsLikeSer(path);
		return emi ? openEmi(path) : openSer(path);
	}

	private static boolean startsLikeSer(Path path) {
		try (FileBytes f = FileBytes.open(path)) {
			return f.size() >= 6 && isSer(f.read("SER header", 0, 6).array());
		}
	}

	private DataFile openSer(Path path) {
		Matcher m = SER_NAME.matcher(path.getFileName().toString());
		List<String> warnings = new ArrayList<>();
		MetadataTree objectInfo = null;
		if (m.matches()) {
			Path emi = path.resolveSibling(m.group(1) + ".emi");
			if (!Files.isRegularFile(emi)) {
				emi = path.resolveSibling(m.group(1) + ".EMI");
			}
			if (Files.isRegularFile(emi)) {
				objectInfo = objectInfo(emi, parseIndex(m.group(2)) - 1, warnings);
			}
		}
		FileBytes f = FileBytes.open(path, TiaException::new);
		try {
			ArrayNode node = SerSignal.open(f, stem(path), objectInfo, warnings);
			return dataFile(path, List.of(node), f::close, warnings);
		} catch (RuntimeException e) {
			f.close();
			throw e;
		}
	}

	private DataFile openEmi(Path emi) {
		String base = stem(emi);
		List<Path> sers = serFilesOf(emi, base);
		if (sers.isEmpty()) {
			throw new UnsupportedFormatException(emi, null, "no " + base + "_N.ser file beside it: the data of an .emi lives in its .ser"
					+ " files (a single spectrum kept inside the .emi is not read)");
		}
		List<String> warnings = new ArrayList<>();
		List<byte[]> blocks = EmiFile.objectInfoBlocks(emi);
		List<FileBytes> open = new ArrayList<>();
		List<ArrayNode> nodes = new ArrayList<>();
		try {
			for (Path ser : sers) {
				Matcher m = SER_NAME.matcher(ser.getFileName().toString());
				int index = m.matches() ? parseIndex(m.group(2)) - 1 : -1;
				MetadataTree info = null;
				if (index >= 0 && index < blocks.size()) {
					info = parseBlock(emi, blocks.get(index), index, warnings);
				} else {
					warnings.add(emi.getFileName() + " holds no metadata block for " + ser.getFileName());
				}
				FileBytes f = FileBytes.open(ser, TiaException::new);
				open.add(f);
				nodes.add(SerSignal.open(f, stem(ser), info, warnings));
			}
		} catch (RuntimeException e) {
			open.forEach(FileBytes::close);
			throw e;
		}
		return dataFile(emi, nodes, () -> open.forEach(FileBytes::close), warnings);
	}

	private DataFile dataFile(Path path, List<ArrayNode> nodes, AutoCloseable handle, List<String> warnings) {
		Group root = Group.root();
		String version = "";
		for (ArrayNode n : nodes) {
			root.add(n);
			if (version.isEmpty() && n.originalMetadata().at("ser_header", "SeriesVersion") instanceof Integer v) {
				version = String.format("0x%04x", v);
			}
		}
		DataFile df = new DataFile(path, name(), version, root, handle);
		nodes.forEach(df::addSignal);
		// the microscope settings are the same for every detector of an acquisition: file level = first signal
		df.metadata().merge(nodes.get(0).metadata());
		df.originalMetadata().merge(nodes.get(0).originalMetadata());
		warnings.forEach(df::warn);
		return df;
	}

	/** @return the sibling {@code base_N.ser} files, in N order */
	static List<Path> serFilesOf(Path emi, String base) {
		Path dir = emi.toAbsolutePath().getParent();
		Pattern own = Pattern.compile(Pattern.quote(base) + "_(\\d+)\\.ser", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> own.matcher(p.getFileName().toString()).matches()).filter(Files::isRegularFile)
					.sorted(Comparator.comparingLong(p -> {
						Matcher m = own.matcher(p.getFileName().toString());
						return m.matches() ? parseIndex(m.group(1)) : Long.MAX_VALUE;
					})).toList();
		} catch (IOException e) {
			throw new RonchiException(emi, null, "cannot list the folder for its .ser files: " + e.getMessage(), e);
		}
	}

	private static MetadataTree objectInfo(Path emi, int index, List<String> warnings) {
		List<byte[]> blocks = EmiFile.objectInfoBlocks(emi);
		if (index < 0 || index >= blocks.size()) {
			warnings.add(emi.getFileName() + " holds no metadata block number " + (index + 1));
			return null;
		}
		return parseBlock(emi, blocks.get(index), index, warnings);
	}

	private static MetadataTree parseBlock(Path emi, byte[] block, int index, List<String> warnings) {
		try {
			return EmiObjectInfo.parse(block);
		} catch (RuntimeException e) {
			// metadata only: a damaged block costs its keys, never the data
			warnings.add(emi.getFileName() + ": ObjectInfo block " + (index + 1) + " is not well-formed XML (" + e.getMessage()
					+ "); its metadata is skipped");
			return null;
		}
	}

	private static int parseIndex(String digits) {
		try {
			return Integer.parseInt(digits);
		} catch (NumberFormatException e) {
			return Integer.MAX_VALUE;
		}
	}

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? n : n.substring(0, dot);
	}
}
