package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.ronchi.core.internal.WriterRegistryImpl;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * Readers and writers are services: {@code ronchi formats} lists what is installed, the format pages of
 * docs/formats/ document the same options, and a writer a bundle contributes is accepted by
 * {@code convert --to} with no change to the CLI (under OSGi this test registers one from its own
 * bundle, as RegistryTest does for operations; on the flat class path it drives the bind/unbind methods
 * SCR calls).
 */
class FormatsCliTest {
	private static final Path FILE = TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5");

	private static void needsOsgi() {
		Assumptions.assumeTrue(Cli.osgiRegistry() != null, "needs the OSGi service registry (runs under tycho-surefire)");
	}

	@Test
	void formatsJsonListsTheInstalledReadersWritersAndStores() {
		needsOsgi();
		Cli.Run r = Cli.run("formats", "--json");
		assertEquals(0, r.exit(), r.err());
		JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
		JsonArray readers = o.getAsJsonArray("readers");
		assertEquals(Cli.registry().loaders().size(), readers.size(), "one entry per FileLoader service");
		Set<String> names = new HashSet<>();
		readers.forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
		assertTrue(names.containsAll(List.of("HDF5", "h5USID", "EMD", "EMD 1.0", "Velox EMD", "DigitalMicrograph", "TIA", "MRC", "TIFF", "HyperSpy", "NeXus")),
				names.toString());
		JsonObject velox = find(readers, "name", "Velox EMD");
		assertEquals("[\"emd\"]", velox.get("extensions").toString());
		JsonObject sumFrames = find(velox.getAsJsonArray("options"), "name", "sum_frames");
		assertEquals("boolean", sumFrames.get("type").getAsString());
		assertEquals("true", sumFrames.get("default").getAsString());
		JsonArray writers = o.getAsJsonArray("writers");
		assertEquals(List.of("emd1", "hspy", "ncem", "nexus", "usid"), ids(writers));
		assertEquals("[\"signals\",\"metadata\",\"point_lists\"]", find(writers, "id", "emd1").get("carries").toString());
		JsonObject store = o.getAsJsonArray("results_stores").get(0).getAsJsonObject();
		assertEquals("emd1", store.get("id").getAsString());
		assertTrue(store.get("default").getAsBoolean());
		JsonObject nexus = o.getAsJsonArray("results_stores").get(1).getAsJsonObject();
		assertEquals("nexus", nexus.get("id").getAsString());
		assertFalse(nexus.get("default").getAsBoolean());
		Cli.Run text = Cli.run("formats");
		assertTrue(text.out().contains("sum_frames=boolean (default true)"), text.out());
	}

	private static JsonObject find(JsonArray a, String key, String value) {
		for (JsonElement e : a) {
			if (e.getAsJsonObject().get(key).getAsString().equals(value)) {
				return e.getAsJsonObject();
			}
		}
		throw new AssertionError("no " + key + " " + value + " in " + a);
	}

	private static List<String> ids(JsonArray a) {
		List<String> out = new ArrayList<>();
		a.forEach(e -> out.add(e.getAsJsonObject().get("id").getAsString()));
		return out;
	}

	/** Every loader with a page in docs/formats/ (the page says "**NAME**") has the options its table lists, in order. */
	@Test
	void theFormatPagesDocumentTheOptionsTheLoadersDescribe() throws IOException {
		needsOsgi();
		Path docs = Path.of(System.getProperty("ronchi.repo", ".")).resolve("docs/formats");
		Assumptions.assumeTrue(Files.isDirectory(docs), "needs the repository (-Dronchi.repo): " + docs);
		List<Path> pages;
		try (Stream<Path> s = Files.list(docs)) {
			pages = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
		}
		int checked = 0;
		for (FileLoader l : Cli.registry().loaders()) {
			for (Path p : pages) {
				String text = Files.readString(p);
				if (!text.contains("**" + l.name() + "**")) {
					continue;
				}
				List<String> documented = optionsTable(text);
				List<String> described = l.options().stream().map(o -> o.name() + " | " + o.type() + " | " + o.defaultValue()).toList();
				assertEquals(documented, described, l.name() + " in " + p.getFileName());
				if (documented.isEmpty()) {
					assertTrue(text.contains("No options."), p.getFileName() + " says a loader without options has none");
				}
				checked++;
			}
		}
		assertTrue(checked >= 10, "loaders with a format page: " + checked);
	}

	/** @return "name | type | default" of each row of the page's {@code | option | type | default | effect |} table */
	private static List<String> optionsTable(String page) {
		List<String> rows = new ArrayList<>();
		boolean in = false;
		for (String line : page.split("\n")) {
			if (line.startsWith("| option | type | default |")) {
				in = true;
			} else if (in && line.startsWith("|---")) {
				continue;
			} else if (in && line.startsWith("|")) {
				String[] cells = line.substring(1).split("(?<!\\\\)\\|");
				rows.add(cell(cells[0]) + " | " + cell(cells[1]) + " | " + cell(cells[2]));
			} else {
				in = false;
			}
		}
		return rows;
	}

	private static String cell(String c) {
		return c.strip().replace("\\|", "|").replace("`", "");
	}

	@Test
	void aWriterContributedAsAServiceIsAcceptedByConvert() throws Exception {
		Path dir = TestData.tempDir("writer");
		NpyWriterService npy = new NpyWriterService();
		BundleContext ctx = Services.context(FormatsCliTest.class);
		if (ctx != null) {
			ServiceRegistration<FileWriter> reg = ctx.registerService(FileWriter.class, npy, new Hashtable<>());
			try {
				convertsWith(Cli.writers(), dir);
			} finally {
				reg.unregister();
			}
			// the installed list is whatever the runtime holds (other format bundles add writers), without the unregistered one
			String installed = Cli.writers().writers().stream().map(FileWriter::id)
					.collect(java.util.stream.Collectors.joining(", "));
			assertFalse(installed.contains("test-npy"), installed);
			rejected(Cli.writers(), dir, "installed: " + installed);
			return;
		}
		WriterRegistryImpl writers = new WriterRegistryImpl();
		writers.addWriter(npy, Map.of());
		convertsWith(writers, dir);
		writers.removeWriter(npy);
		rejected(writers, dir, "installed: none");
	}

	private static void convertsWith(WriterRegistry writers, Path dir) {
		assertTrue(writers.writers().stream().anyMatch(w -> w.id().equals("test-npy")), "listed as soon as it is registered");
		Path out = dir.resolve("first.npy");
		Cli.Run r = Cli.run(writers, "convert", FILE.toString(), out.toString(), "--to", "test-npy", "-w", "signal=0");
		assertEquals(0, r.exit(), r.err());
		assertTrue(r.err().contains("wrote " + out + " (test-npy,"), r.err());
		try (DataFile in = Cli.registry().open(FILE)) {
			assertEquals(in.signals().get(0).size(), NpyReader.read(out).data().getSize());
		}
		Cli.Run bad = Cli.run(writers, "convert", FILE.toString(), dir.resolve("x.npy").toString(), "--to", "test-npy", "-w", "sginal=1");
		assertEquals(1, bad.exit());
		assertTrue(bad.err().contains("option sginal: unknown NumPy .npy (one signal; a test writer) option; known: signal"), bad.err());
	}

	private static void rejected(WriterRegistry writers, Path dir, String installed) {
		Path out = dir.resolve("gone.npy");
		Cli.Run r = Cli.run(writers, "convert", FILE.toString(), out.toString(), "--to", "test-npy");
		assertEquals(2, r.exit(), r.err());
		assertTrue(r.err().contains("unsupported target format: test-npy (" + installed + ")"), r.err());
		assertFalse(Files.exists(out));
	}
}
