package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * Every real file of every format Ronchi reads, converted with {@code ronchi convert --to hspy} and
 * {@code --to nexus}, as HyperSpy 1.7.3 reads the results: each signal found with its data bytes, dtype
 * and title; its axes (name, units, size, scale/offset or coordinates, navigation); the beam energy
 * where the source had one (HyperSpy's metadata; the NXsource voltage). Two Python runs check all files.
 */
class ConvertRoundTripTest {
	static final String[] LOADERS = { "org.ronchi.hdf5.Hdf5Loader", "org.ronchi.io.usid.internal.UsidLoader", "org.ronchi.io.emd.internal.Emd1Loader",
			"org.ronchi.io.emd.internal.NcemLoader", "org.ronchi.io.velox.internal.VeloxLoader", "org.ronchi.io.dm.internal.DmLoader", "org.ronchi.io.tia.internal.TiaLoader",
			"org.ronchi.io.mrc.internal.MrcLoader", "org.ronchi.io.tiff.internal.TiffLoader", "org.ronchi.io.hspy.internal.HspyLoader",
			"org.ronchi.io.nexus.internal.NexusLoader", "org.ronchi.io.tvips.internal.TvipsLoader", "org.ronchi.io.blockfile.internal.BlockfileLoader",
			"org.ronchi.io.dectris.internal.DectrisLoader" };
	static final String[] WRITERS = { "org.ronchi.io.hspy.internal.HspyFileWriter", "org.ronchi.io.nexus.internal.NexusFileWriter" };
	/** The entry's own fields, which a signal's NXdata is never named after (the writer adds a suffix). */
	static final Set<String> NEXUS_RESERVED = Set.of("title", "start_time", "instrument", "sample", "user", "process", "original_metadata");

	static LoaderRegistry loaders() {
		LoaderRegistry osgi = Cli.osgiRegistry();
		if (osgi != null) {
			return osgi;
		}
		LoaderRegistryImpl r = new LoaderRegistryImpl();
		Services.all(ConvertRoundTripTest.class, FileLoader.class, LOADERS).forEach(r::register);
		return r;
	}

	static WriterRegistry writers() {
		if (Cli.osgiRegistry() != null) {
			return Cli.writers();
		}
		List<FileWriter> w = Services.all(ConvertRoundTripTest.class, FileWriter.class, WRITERS);
		return () -> w;
	}

	static List<Path> realFiles() throws IOException {
		try (Stream<Path> s = Files.walk(TestData.root())) {
			return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("MANIFEST\\.md|PROVENANCE\\.tsv")).sorted().toList();
		}
	}

	@Test
	void everyRealFileConvertsToFilesHyperSpyOpensAsTheSameSignals() throws Exception {
		Python.assumeModules("h5py", "hyperspy.api");
		LoaderRegistry reg = loaders();
		WriterRegistry writers = writers();
		Path dir = TestData.tempDir("round-trip");
		StringBuilder hspy = new StringBuilder("[");
		StringBuilder nexus = new StringBuilder("[");
		Set<String> formats = new TreeSet<>();
		int n = 0;
		for (Path f : realFiles()) {
			if (f.startsWith(TestData.root().resolve("raw4d/empad"))) {
				continue; // XMLs only: their .raw files are written by the EMPAD tests (RawDetectorConvertTest converts one)
			}
			List<ArrayNode> signals;
			String hspyJson;
			String nexusJson;
			try (DataFile d = reg.open(f)) {
				signals = d.signals().stream().filter(s -> s.dtype().isNumeric() && s.size() > 0).toList();
				if (signals.isEmpty()) {
					continue;
				}
				formats.add(d.format());
				hspyJson = signals(signals, false);
				nexusJson = signals(signals, true);
			} catch (UnsupportedFormatException e) {
				continue; // sidecars (.hdr, .xml, .emi's .ser), formats Ronchi does not read yet
			}
			String base = String.format(Locale.ROOT, "%03d", n++);
			for (String[] to : new String[][] { { "hspy", ".hspy" }, { "nexus", ".nxs" } }) {
				Path out = dir.resolve(base + to[1]);
				Cli.Run r = Cli.run(reg, writers, "convert", f.toString(), out.toString(), "--to", to[0]);
				assertEquals(0, r.exit(), f + " --to " + to[0] + ": " + r.err());
				StringBuilder into = to[0].equals("hspy") ? hspy : nexus;
				into.append(into.length() > 1 ? ",\n" : "").append("{\"file\": ").append(json(out.toString())).append(", \"source\": ")
						.append(json(TestData.root().relativize(f).toString())).append(", \"signals\": ").append(to[0].equals("hspy") ? hspyJson : nexusJson)
						.append('}');
			}
		}
		// the Arina master was the one real file only the generic HDF5 loader read; its own loader reads it now
		assertTrue(formats.containsAll(List.of("Dectris Arina/EIGER", "h5USID", "EMD", "EMD 1.0", "Velox EMD", "DigitalMicrograph", "TIA", "MRC", "TIFF", "HyperSpy", "NeXus")),
				"formats converted: " + formats);
		check("hspy_expectations.py", dir.resolve("hspy.json"), hspy.append(']'));
		check("nexus_expectations.py", dir.resolve("nexus.json"), nexus.append(']'));
	}

	private static void check(String script, Path expectations, CharSequence json) throws IOException {
		Files.writeString(expectations, json);
		Python.Result r = Python.run(script(script), expectations.toString());
		assertEquals(0, r.exit(), script + ":\n" + r.out() + "\n" + r.err());
		assertTrue(r.out().contains("checked "), r.out());
	}

	/** What HyperSpy must find for each signal, as JSON: title, dtype, shape, data hash, axes, beam energy. */
	private static String signals(List<ArrayNode> signals, boolean nexus) {
		StringBuilder sb = new StringBuilder("[");
		for (ArrayNode s : signals) {
			// HyperSpy renames an untitled signal's group "__unnamed__" and reads that back as no title
			String title = nexus ? nexusTitle(s.title()) : s.title().equals("__unnamed__") ? "" : s.title();
			// HyperSpy holds a scalar as a 1-element vector (numpy's atleast_1d); so do both writers
			long[] shape = s.rank() == 0 ? new long[] { 1 } : s.shape();
			List<Axis> axes = s.rank() == 0 ? List.of(Axis.index("", 1)) : s.axes();
			sb.append(sb.length() > 1 ? ", " : "").append("{\"title\": ").append(json(title)).append(", \"dtype\": ").append(json(s.dtype().numpyName()))
					.append(", \"shape\": ").append(java.util.Arrays.toString(shape)).append(", \"sha256\": ").append(json(sha256(s)))
					.append(", \"navigate\": [");
			for (int i = 0; i < axes.size(); i++) {
				sb.append(i > 0 ? ", " : "").append(axes.get(i).navigate() ? "true" : "false");
			}
			sb.append("], \"axes\": [");
			for (int i = 0; i < axes.size(); i++) {
				sb.append(i > 0 ? ", " : "").append(axis(axes.get(i), i, nexus));
			}
			sb.append(']');
			if (s.metadata().get("acquisition.instrument.beam_energy") instanceof Quantity q) {
				sb.append(", \"beam_energy\": ").append(number(q.value()));
			}
			sb.append('}');
		}
		return sb.append(']').toString();
	}

	/** How the NeXus writer names a signal's NXdata, which HyperSpy's NeXus reader takes for its title. */
	private static String nexusTitle(String title) {
		String t = title == null || title.isBlank() || title.equals(".") ? "data" : title.replace('/', '_');
		return NEXUS_RESERVED.contains(t) ? t + "_2" : t;
	}

	private static String axis(Axis axis, int i, boolean nexus) {
		// HyperSpy's non-uniform axes must be ordered: the .hspy writer writes other coordinates as indices
		Axis a = !nexus && !axis.isLinear() && !ordered(axis.values()) ? new Axis(axis.name(), axis.units(), axis.size(), 1, 0, null, axis.navigate()) : axis;
		boolean calibrated = !a.name().isEmpty() || !a.units().isEmpty() || !a.isLinear() || a.scale() != 1 || a.offset() != 0;
		String name = nexus && calibrated && a.name().isEmpty() ? "dim" + i : a.name();
		StringBuilder sb = new StringBuilder("{\"name\": ").append(json(name)).append(", \"units\": ").append(json(a.units())).append(", \"size\": ")
				.append(a.size()).append(", \"navigate\": ").append(a.navigate()).append(", \"linear\": ").append(a.isLinear());
		if (a.isLinear()) {
			sb.append(", \"scale\": ").append(number(a.scale())).append(", \"offset\": ").append(number(a.offset()));
		} else {
			sb.append(", \"values\": [");
			for (int k = 0; k < a.size(); k++) {
				sb.append(k > 0 ? ", " : "").append(number(a.values()[k]));
			}
			sb.append(']');
		}
		return sb.append('}').toString();
	}

	private static boolean ordered(double[] v) {
		boolean up = true;
		boolean down = true;
		for (int k = 1; k < v.length; k++) {
			up &= v[k] > v[k - 1];
			down &= v[k] < v[k - 1];
		}
		return up || down;
	}

	/** SHA-256 of the data as NumPy holds it: C order, little-endian, the stored element width. */
	private static String sha256(ArrayNode s) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(s.size() * s.dtype().itemSize()));
			s.source().readInto(new long[s.rank()], Shapes.toInt(s.shape()), b);
			md.update(b.flip());
			return HexFormat.of().formatHex(md.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new AssertionError(e);
		}
	}

	private static String number(double d) {
		return Double.isFinite(d) ? Double.toString(d) : "null";
	}

	private static String json(String s) {
		StringBuilder sb = new StringBuilder("\"");
		for (char c : s.toCharArray()) {
			switch (c) {
			case '"' -> sb.append("\\\"");
			case '\\' -> sb.append("\\\\");
			default -> {
				if (c < 0x20) {
					sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
				} else {
					sb.append(c);
				}
			}
			}
		}
		return sb.append('"').toString();
	}

	private static String script(String name) {
		try (InputStream in = ConvertRoundTripTest.class.getResourceAsStream("/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}
