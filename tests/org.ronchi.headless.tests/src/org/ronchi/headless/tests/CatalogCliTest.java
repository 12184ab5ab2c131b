package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.Services;
import org.ronchi.tests.support.TestData;

/**
 * {@code ronchi catalog} on the real files with every installed loader: a record per file that validates
 * against docs/catalog.schema.json (checked with Python's jsonschema), the standard fields of each vendor
 * family against MANIFEST.md's independent readings, errors as records, resume, inputs left alone.
 */
class CatalogCliTest {
	/** Outside OSGi (dev/quicktest): every format loader of the product, by class name. */
	private static final String[] LOADERS = { "org.ronchi.hdf5.Hdf5Loader", "org.ronchi.io.blockfile.internal.BlockfileLoader",
			"org.ronchi.io.dm.internal.DmLoader", "org.ronchi.io.emd.internal.Emd1Loader", "org.ronchi.io.emd.internal.NcemLoader",
			"org.ronchi.io.empad.internal.EmpadLoader", "org.ronchi.io.hspy.internal.HspyLoader", "org.ronchi.io.mrc.internal.MrcLoader",
			"org.ronchi.io.nexus.internal.NexusLoader", "org.ronchi.io.tia.internal.TiaLoader", "org.ronchi.io.tiff.internal.TiffLoader",
			"org.ronchi.io.tvips.internal.TvipsLoader", "org.ronchi.io.usid.internal.UsidLoader", "org.ronchi.io.velox.internal.VeloxLoader" };

	private static LoaderRegistry loaders;
	private static Path jsonl;
	private static Path csv;
	private static Cli.Run run;

	@BeforeAll
	static void catalogueTheRealFiles() {
		loaders = Cli.osgiRegistry();
		if (loaders == null) {
			LoaderRegistryImpl reg = new LoaderRegistryImpl();
			Services.all(CatalogCliTest.class, FileLoader.class, LOADERS).forEach(reg::register);
			loaders = reg;
		}
		Path out = TestData.tempDir("catalog");
		jsonl = out.resolve("cat.jsonl");
		csv = out.resolve("cat.csv");
		run = catalog(TestData.root().toString(), "--recursive", "--jsonl", jsonl.toString(), "--csv", csv.toString(), "--threads", "2");
	}

	private static Cli.Run catalog(String... args) {
		List<String> a = new ArrayList<>(List.of("catalog"));
		a.addAll(List.of(args));
		return Cli.run(loaders, Cli.writers(), a.toArray(String[]::new));
	}

	@Test
	void oneValidRecordPerFile() throws IOException {
		assertEquals(0, run.exit(), run.err());
		List<Path> files;
		try (Stream<Path> s = Files.walk(TestData.root())) {
			files = s.filter(Files::isRegularFile).toList();
		}
		Map<String, JsonObject> records = records(jsonl);
		assertEquals(files.size(), records.size(), "one record per file");
		for (Path f : files) {
			JsonObject r = records.get(f.toAbsolutePath().normalize().toString());
			assertTrue(r != null, "no record for " + f);
			assertEquals(Files.size(f), r.get("size").getAsLong(), f.toString());
		}
		long read = records.values().stream().filter(r -> r.get("status").getAsString().equals("read")).count();
		assertTrue(run.err().contains(files.size() + " files catalogued (" + read + " read"), run.err());
		// every file of a format Ronchi has read since its first release is read, not an error
		for (JsonObject r : records.values()) {
			String p = r.get("path").getAsString();
			if (p.matches(".*\\.(dm3|dm4|emd|ser|tif)$")) {
				assertEquals("read", r.get("status").getAsString(), r.toString());
				assertFalse(r.getAsJsonArray("signals").isEmpty(), p);
			}
			if (p.endsWith("MANIFEST.md")) {
				assertEquals("unrecognised", r.get("status").getAsString(), r.toString());
			}
		}
		assertValid(jsonl);
	}

	@Test
	void csvHasARowPerRecordUnderFixedColumns() throws IOException {
		List<String> rows = Files.readAllLines(csv);
		String[] header = rows.get(0).split(",");
		assertEquals("path", header[0]);
		assertTrue(List.of(header).containsAll(List.of("beam_energy_kV", "magnification", "pixel_size_x_nm", "dwell_time_s", "operator")));
		assertEquals(records(jsonl).size(), rows.size() - 1);
		Python.assumeModules("csv");
		String checked = Python.check("""
				import csv, json, sys
				recs = {}
				for line in open(sys.argv[2], encoding='utf-8'):
				    r = json.loads(line)
				    recs[r['path']] = r
				rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
				n = 0
				for row in rows:
				    r = recs[row['path']]
				    assert row['status'] == r['status'], row
				    s = r.get('summary', {})
				    if 'beam_energy' in s:
				        assert float(row['beam_energy_kV']) == s['beam_energy']['value'], row
				        n += 1
				    else:
				        assert row['beam_energy_kV'] == '', row
				print(len(rows), n)
				""", csv.toString(), jsonl.toString());
		assertTrue(Integer.parseInt(checked.split(" ")[1]) > 10, checked);
	}

	@Test
	void standardFieldsOfEveryVendorFamily() throws IOException {
		Map<String, JsonObject> records = records(jsonl);
		// values: MANIFEST.md's independent readings (HyperSpy 1.7.3, tifffile)
		JsonObject dm = summary(records, "dm/openNCEM/08_carbon.dm3");
		assertQuantity(dm, "beam_energy", 300.0, "kV");
		assertQuantity(dm, "magnification", 18500.0, "");
		assertEquals("FEI Tecnai", dm.get("instrument").getAsString());
		assertTrue(dm.get("date_time").getAsString().startsWith("2017-08-29T13:58:43"), dm.toString());

		JsonObject velox = summary(records, "velox_emd/hyperspy_history/example_fei_emd_image.emd");
		assertQuantity(velox, "beam_energy", 200.0, "kV");
		assertQuantity(velox, "magnification", 40000.0, "");
		assertTrue(velox.get("instrument").getAsString().contains("Talos"), velox.toString());
		assertTrue(velox.get("date_time").getAsString().startsWith("2017-03-06T09:56:41"), velox.toString());
		assertPixel(velox, 5.30241);

		JsonObject fei = summary(records, "tiff/fei_helios/FEI-Helios-Ebeam-8bits.tif");
		assertQuantity(fei, "beam_energy", 5.0, "kV");
		assertQuantity(fei, "dwell_time", 1e-5, "s");
		assertEquals("Helios NanoLab\" 660", fei.get("instrument").getAsString());
		assertEquals("supervisor", fei.get("operator").getAsString());
		assertTrue(fei.get("date_time").getAsString().startsWith("2016-06-13T17:06:40"), fei.toString());
		assertPixel(fei, 3372.4);

		JsonObject zeiss = summary(records, "tiff/zeiss_sem/test_tiff_Zeiss_SEM_1k.tif");
		assertQuantity(zeiss, "beam_energy", 25.0, "kV");
		assertQuantity(zeiss, "dwell_time", 5e-8, "s");
		assertQuantity(zeiss, "magnification", 105.0, "");
		assertEquals("Merlin-61-08", zeiss.get("instrument").getAsString());
		assertEquals("HE-SE2", zeiss.get("detector").getAsString());
		assertEquals("LIM", zeiss.get("operator").getAsString());
		assertPixel(zeiss, 2614.514);

		JsonObject tia = summary(records, "ser_emi/rsciio_old/64x64_TEM_images_acquire_1.ser");
		assertQuantity(tia, "beam_energy", 200.0, "kV");
		assertQuantity(tia, "magnification", 19500.0, "");
		assertEquals("Tecnai 200 kV D2267 SuperTwin", tia.get("instrument").getAsString());
		assertPixel(tia, 6.28183);
	}

	@Test
	void errorsAndUnknownContentAreRecordsAndInputsStayUntouched() throws Exception {
		Path dir = TestData.tempDir("catalog-in");
		Path dm = Files.copy(TestData.real("dm/openNCEM/08_carbon.dm3"), dir.resolve("carbon.dm3"));
		byte[] whole = Files.readAllBytes(dm);
		Path cut = Files.write(dir.resolve("cut.dm3"), java.util.Arrays.copyOf(whole, 3000));
		Path text = Files.writeString(dir.resolve("notes.txt"), "beam 300 kV\n");
		Path empty = Files.createFile(dir.resolve("empty.dat"));
		Files.createDirectories(dir.resolve("sub"));
		Path deep = Files.copy(TestData.real("tiff/fei_helios/FEI-Helios-Ebeam-8bits.tif"), dir.resolve("sub/helios.tif"));
		Map<Path, String> before = fingerprints(dir);
		Path out = dir.resolve("cat.jsonl"); // inside the walked folder: never catalogued itself
		Cli.Run r = catalog(dir.toString(), "--jsonl", out.toString());
		assertEquals(0, r.exit(), r.err());
		Map<String, JsonObject> recs = records(out);
		assertEquals(4, recs.size(), "not recursive: sub/ is not entered");
		assertEquals("read", status(recs, dm));
		JsonObject bad = recs.get(key(cut));
		assertEquals("error", bad.get("status").getAsString());
		assertTrue(bad.get("error").getAsString().startsWith(cut.toString()), bad.toString());
		assertEquals("unrecognised", status(recs, text));
		String reason = recs.get(key(text)).get("reason").getAsString();
		assertTrue(reason.startsWith("not a recognised data format (starts with 'beam 300'") && !reason.contains("known formats"), reason);
		assertEquals("unrecognised", status(recs, empty));
		assertValid(out);
		assertEquals(before, fingerprints(dir), "inputs unchanged");
		assertEquals(List.of("cat.jsonl"), leftovers(dir), "no temporary files left");

		// resume: unchanged files skipped, a changed file's record replaced, a new file added (once)
		Files.write(cut, java.util.Arrays.copyOf(whole, 2000));
		Files.setLastModifiedTime(cut, FileTime.fromMillis(Files.getLastModifiedTime(cut).toMillis() + 5000));
		r = catalog(dir.toString(), dir.resolve("sub").toString(), "--jsonl", out.toString(), "--recursive"); // sub/ named twice

		assertEquals(0, r.exit(), r.err());
		assertTrue(r.err().contains("2 files catalogued") && r.err().contains("3 unchanged skipped"), r.err());
		recs = records(out);
		assertEquals(5, recs.size());
		assertEquals(2000, recs.get(key(cut)).get("size").getAsLong());
		assertEquals("read", status(recs, deep));
		assertEquals(5, Files.readAllLines(out).size(), "the changed file's old record is gone");
		assertValid(out);
	}

	@Test
	void withoutOutputsRecordsGoToStandardOutput() throws IOException {
		Cli.Run r = catalog(TestData.real("dm/openNCEM/08_carbon.dm3").toString(), "--original");
		assertEquals(0, r.exit(), r.err());
		JsonObject rec = JsonParser.parseString(r.out().strip()).getAsJsonObject();
		assertEquals("DigitalMicrograph", rec.get("format").getAsString());
		assertTrue(rec.getAsJsonArray("signals").get(0).getAsJsonObject().has("original"));
		Cli.Run missing = catalog("/no/such/folder");
		assertEquals(1, missing.exit());
		assertEquals(1, missing.err().lines().count(), missing.err());
		assertTrue(missing.err().contains("/no/such/folder: no such file or folder"), missing.err());
		Path dir = TestData.tempDir("catalog-none");
		assertEquals(1, catalog("/no/such/folder", "--jsonl", dir.resolve("cat.jsonl").toString()).exit());
		assertEquals(List.of(), leftovers(dir), "no output and no temporary file");
	}

	// ---- helpers

	private static Map<String, JsonObject> records(Path jsonl) throws IOException {
		Map<String, JsonObject> m = new HashMap<>();
		for (String line : Files.readAllLines(jsonl)) {
			JsonObject r = JsonParser.parseString(line).getAsJsonObject();
			assertTrue(m.put(r.get("path").getAsString(), r) == null, "two records for " + r.get("path"));
		}
		return m;
	}

	private static String key(Path p) {
		return p.toAbsolutePath().normalize().toString();
	}

	private static String status(Map<String, JsonObject> recs, Path p) {
		return recs.get(key(p)).get("status").getAsString();
	}

	private static JsonObject summary(Map<String, JsonObject> records, String real) {
		JsonObject r = records.get(key(TestData.real(real)));
		assertEquals("read", r.get("status").getAsString(), r.toString());
		return r.getAsJsonObject("summary");
	}

	private static void assertQuantity(JsonObject summary, String field, double value, String units) {
		assertTrue(summary.has(field), field + " missing in " + summary);
		JsonObject q = summary.getAsJsonObject(field);
		assertEquals(units, q.get("units").getAsString(), field);
		assertEquals(value, q.get("value").getAsDouble(), Math.abs(value) * 1e-6, field);
	}

	private static void assertPixel(JsonObject summary, double nm) {
		assertTrue(summary.has("pixel_size"), "pixel_size missing in " + summary);
		assertQuantity(summary.getAsJsonObject("pixel_size"), "x", nm, "nm");
	}

	/** Every line of the file validates against docs/catalog.schema.json. */
	private static void assertValid(Path jsonl) {
		Python.assumeModules("jsonschema");
		Path schema = Path.of(System.getProperty("ronchi.repo", ".")).resolve("docs/catalog.schema.json");
		assertTrue(Files.isRegularFile(schema), "the schema is read from the repository (-Dronchi.repo): " + schema);
		String out = Python.check("""
				import json, sys, jsonschema
				schema = json.load(open(sys.argv[1], encoding='utf-8'))
				jsonschema.Draft202012Validator.check_schema(schema)
				v = jsonschema.Draft202012Validator(schema)
				n = 0
				for i, line in enumerate(open(sys.argv[2], encoding='utf-8'), 1):
				    errs = list(v.iter_errors(json.loads(line)))
				    if errs:
				        e = errs[0]
				        sys.exit('line %d: %s at %s' % (i, e.message[:300], list(e.absolute_path)))
				    n += 1
				print(n)
				""", schema.toAbsolutePath().toString(), jsonl.toString());
		assertTrue(Integer.parseInt(out) > 0, out);
	}

	private static Map<Path, String> fingerprints(Path dir) throws Exception {
		Map<Path, String> m = new HashMap<>();
		try (Stream<Path> s = Files.walk(dir)) {
			for (Path p : s.filter(Files::isRegularFile).filter(q -> !q.toString().endsWith(".jsonl")).toList()) {
				byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
				m.put(p, HexFormat.of().formatHex(sha) + " " + Files.getLastModifiedTime(p));
			}
		}
		return m;
	}

	private static List<String> leftovers(Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".") || n.endsWith(".jsonl")).sorted().toList();
		}
	}
}
