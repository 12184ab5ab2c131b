package org.ronchi.io.velox.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyWriter;
import org.ronchi.io.velox.internal.VeloxLoader;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * Every signal of every real file HyperSpy 1.7.3 can read, element by element against {@code hs.load}
 * (Debian's python3-hyperspy), with the same options: titles, shapes, values, and axes in HyperSpy's
 * units ({@code units=compact}). Skipped where python3 lacks hyperspy.
 */
class HyperSpyCrossCheckTest {
	private static final String SCRIPT = """
			import json, sys, warnings, logging
			warnings.filterwarnings('ignore'); logging.disable(logging.WARNING)
			import numpy as np, hyperspy.api as hs
			cases = json.load(open(sys.argv[1]))
			bad = []
			for c in cases:
			    kw = c['options']
			    ss = hs.load(c['file'], **kw)
			    ss = ss if isinstance(ss, list) else [ss]
			    where = c['file'].split('/')[-1] + ' ' + str(kw)
			    if [s.metadata.General.title for s in ss] != [s['title'] for s in c['signals']]:
			        bad.append(where + ': titles ' + str([s.metadata.General.title for s in ss])); continue
			    for s, mine in zip(ss, c['signals']):
			        ours = np.load(mine['npy'])
			        if ours.shape != s.data.shape or not np.array_equal(ours, s.data):
			            bad.append(where + ' ' + mine['title'] + ': data differ ' + str(ours.shape) + ' vs ' + str(s.data.shape))
			        axes = s.axes_manager._axes
			        if len(axes) != len(mine['axes']):
			            bad.append(where + ' ' + mine['title'] + ': ' + str(len(axes)) + ' axes'); continue
			        for a, m in zip(axes, mine['axes']):
			            # HyperSpy 1.7.3 picks the offset's SI prefix on its own: the Ceta image's offset comes in µm
			            # on an nm axis (RosettaSciIO converts offsets to the axis unit since); frame axes start at 0
			            offset = np.isclose(a.offset, m['offset'], rtol=1e-6, atol=1e-9) or m['name'] == 'Time' \\
			                or 'Ceta Imaging' in where and np.isclose(a.offset * 1000, m['offset'], rtol=1e-6)
			            ok = a.size == m['size'] and str(a.units) == m['units'] and bool(a.navigate) == m['navigate'] \\
			                and np.isclose(a.scale, m['scale'], rtol=1e-6) and offset
			            if not ok:
			                bad.append(where + ' ' + mine['title'] + ': axis ' + str((a.name, a.size, a.scale, a.offset, str(a.units), a.navigate)) + ' vs ' + str(m))
			print('\\n'.join(bad) if bad else 'OK')
			""";

	@Test
	void everySignalEqualsHyperSpys() throws IOException {
		Python.assumeModules("hyperspy.api", "numpy");
		Path dir = TestData.tempDir("velox-hs");
		Map<String, Map<String, Object>> runs = new LinkedHashMap<>();
		for (Path p : TestData.realFiles("velox_emd", ".emd")) {
			if (!p.getFileName().toString().startsWith("Test SI")) { // version 11: HyperSpy 1.7.3 fails on it
				runs.put(p.toString() + "|", Map.of());
			}
		}
		String si = TestData.real("velox_emd/hyperspy_history/example_fei_emd_si.emd").toString();
		runs.put(si + "|frames", Map.of("sum_frames", false, "first_frame", 1, "last_frame", 4));
		runs.put(si + "|rebin", Map.of("rebin_energy", 2, "SI_dtype", "uint32", "load_SI_image_stack", true));
		JsonArray cases = new JsonArray();
		int n = 0;
		for (Map.Entry<String, Map<String, Object>> run : runs.entrySet()) {
			Path file = Path.of(run.getKey().substring(0, run.getKey().indexOf('|')));
			Map<String, Object> options = new LinkedHashMap<>(run.getValue());
			JsonObject c = new JsonObject();
			c.addProperty("file", file.toString());
			c.add("options", new Gson().toJsonTree(options));
			options.put("units", "compact");
			JsonArray signals = new JsonArray();
			try (DataFile f = new VeloxLoader().open(file, options)) {
				for (ArrayNode a : f.signals()) {
					Path npy = dir.resolve("s" + n++ + ".npy");
					NpyWriter.write(npy, a.dtype(), Arrays2.readAll(a));
					JsonObject s = new JsonObject();
					s.addProperty("title", a.title());
					s.addProperty("npy", npy.toString());
					JsonArray axes = new JsonArray();
					for (Axis x : a.axes()) {
						JsonObject o = new JsonObject();
						o.addProperty("name", x.name());
						o.addProperty("size", x.size());
						o.addProperty("scale", x.scale());
						o.addProperty("offset", x.offset());
						o.addProperty("units", x.units());
						o.addProperty("navigate", x.navigate());
						axes.add(o);
					}
					s.add("axes", axes);
					signals.add(s);
				}
			}
			c.add("signals", signals);
			cases.add(c);
		}
		Path json = dir.resolve("cases.json");
		Files.writeString(json, cases.toString());
		// the script prints every mismatch, or OK
		assertEquals("OK", Python.check(SCRIPT, json.toString()));
		try (var written = Files.list(dir)) {
			assertEquals(n, written.filter(f -> f.toString().endsWith(".npy")).count());
		}
	}
}
