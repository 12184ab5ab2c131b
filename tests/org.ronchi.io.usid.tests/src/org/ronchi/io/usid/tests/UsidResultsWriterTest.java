package org.ronchi.io.usid.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.eclipse.january.dataset.IntegerDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.UsidException;
import org.ronchi.io.usid.UsidWriter;
import org.ronchi.tests.support.Python;

/** Results groups (pyUSID DM-50..53, DM-60): names, book-keeping, provenance, Main datasets inside; read by h5py. */
class UsidResultsWriterTest {
	@TempDir
	Path dir;

	/** A 4 x 5 map of 6-point spectra. */
	private static ArrayNode raw() {
		float[] v = new float[4 * 5 * 6];
		for (int i = 0; i < v.length; i++) {
			v[i] = i;
		}
		ArrayNode s = new ArrayNode("raw", new MemorySource(DatasetFactory.createFromObject(FloatDataset.class, v, 4, 5, 6), DType.FLOAT32))
				.quantity("Current", "nA");
		s.axes(List.of(Axis.linear("Y", "nm", 4, 1, 0).withNavigate(true), Axis.linear("X", "nm", 5, 1, 0).withNavigate(true),
				Axis.linear("Bias", "V", 6, 0.5, -1)));
		return s;
	}

	/** A 4 x 5 map of n values per position, named name. */
	private static ArrayNode map(String name, int n, int scale) {
		int[] v = new int[4 * 5 * n];
		for (int i = 0; i < v.length; i++) {
			v[i] = i * scale;
		}
		ArrayNode s = new ArrayNode(name, new MemorySource(DatasetFactory.createFromObject(IntegerDataset.class, v, 4, 5, n), DType.INT32))
				.quantity(name, "a. u.");
		s.axes(List.of(Axis.linear("Y", "nm", 4, 1, 0).withNavigate(true), Axis.linear("X", "nm", 5, 1, 0).withNavigate(true),
				Axis.linear("Coefficient", "", n, 1, 0)));
		return s;
	}

	@Test
	void runsBecomeNumberedResultsGroupsBesideTheirSource() throws IOException {
		Path out = dir.resolve("results.h5");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("algorithm", "least_squares");
		params.put("iterations", 10L);
		params.put("bounds", new double[] { -1, 1 });
		params.put("unset", null);
		UsidWriter.write(raw(), List.of(new UsidWriter.Results("SHO-Fit", params, List.of(map("Fit", 3, 1), map("Guess", 2, 2))),
				new UsidWriter.Results("SHO-Fit", Map.of("algorithm", "other"), List.of(map("Fit", 3, -1))),
				new UsidWriter.Results("Cluster", Map.of(), List.of(map("Labels", 1, 1)))), out);
		Python.assumeModules("h5py", "numpy");
		String r = Python.check("import sys, h5py, numpy as np\nf = h5py.File(sys.argv[1], 'r')\n" + """
				c = f['Measurement_000/Channel_000']
				print(sorted(c.keys()))
				g = c['Raw_Data-SHO_Fit_000']
				a = g.attrs
				import re
				assert re.fullmatch(r'\\d{4}_\\d\\d_\\d\\d-\\d\\d_\\d\\d_\\d\\d', a['timestamp']), a['timestamp']
				assert a['machine_id'] and a['platform'], dict(a)
				assert f[a['source_000']] == c['Raw_Data'], f[a['source_000']].name
				print(a['tool'], a['num_source_dsets'], a['algorithm'], a['iterations'], a['bounds'].tolist(), 'unset' in a)
				print(sorted(g.keys()))
				assert f[g['Guess'].attrs['Position_Indices']] == g['Guess_Position_Indices']
				print(c['Raw_Data-SHO_Fit_001'].attrs['algorithm'], c['Raw_Data-Cluster_000'].attrs['tool'], c['Raw_Data-Cluster_000']['Labels'].shape)
				""", out.toString());
		assertEquals("""
				['Position_Indices', 'Position_Values', 'Raw_Data', 'Raw_Data-Cluster_000', 'Raw_Data-SHO_Fit_000', 'Raw_Data-SHO_Fit_001', 'Spectroscopic_Indices', 'Spectroscopic_Values']
				SHO_Fit 1 least_squares 10 [-1.0, 1.0] False
				['Fit', 'Guess', 'Guess_Position_Indices', 'Guess_Position_Values', 'Guess_Spectroscopic_Indices', 'Guess_Spectroscopic_Values', 'Position_Indices', 'Position_Values', 'Spectroscopic_Indices', 'Spectroscopic_Values']
				other Cluster (20, 1)
				""".strip(), r.strip());
		String report = UsidWriterTest.check(out);
		assertFalse(report.contains("NOT MAIN"), report);
		assertTrue(report.contains("/Measurement_000/Channel_000/Raw_Data-SHO_Fit_000/Guess MAIN Guess | a. u. | [20, 2] int32 1560 ['X', 'Y', 'Coefficient'] [5, 4, 2]"),
				report);
		assertEquals(5, report.lines().count(), report);
		try (DataFile back = UsidWriterTest.open(out)) {
			assertEquals(5, back.signals().size(), "the loader finds the results' Main datasets too");
		}
	}

	@Test
	void aParameterMayNotReplaceBookKeeping() {
		Path out = dir.resolve("bad.h5");
		Map<String, Object> p = new HashMap<>();
		p.put("tool", "mine");
		UsidException e = assertThrows(UsidException.class,
				() -> UsidWriter.write(raw(), List.of(new UsidWriter.Results("Fit", p, List.of(map("Fit", 1, 1)))), out));
		assertTrue(e.getMessage().contains("parameter tool"), e.getMessage());
		assertFalse(Files.exists(out));
	}
}
