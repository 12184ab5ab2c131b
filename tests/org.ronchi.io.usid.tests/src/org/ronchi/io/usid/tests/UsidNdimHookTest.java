package org.ronchi.io.usid.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.internal.UsidLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/**
 * The loader attaches each Main dataset's N-dimensional form to its signal (the core hook viewers and
 * exporters use), and the hook gives what the USID model gives, for every real file with a full grid.
 */
class UsidNdimHookTest {

	@Test
	void everySignalUnfoldsThroughItsNodeAsThroughTheModel() {
		int checked = 0;
		for (Path p : TestData.realFiles("usid", ".h5")) {
			try (DataFile f = new UsidLoader().open(p, Map.of("lenient", true))) {
				for (ArrayNode s : f.signals()) {
					assertNotNull(s.ndimForm(), p + " " + s.path());
					MainDataset m = MainDataset.of(p, s);
					for (boolean sort : new boolean[] { false, true }) {
						ArrayNode viaModel;
						try {
							viaModel = m.ndim(sort, true);
						} catch (org.ronchi.io.usid.UsidException e) {
							continue; // sparse sampling: no grid, through either path (UsidConformanceTest)
						}
						ArrayNode viaHook = s.ndimForm().array(sort, true);
						assertArrayEquals(viaModel.shape(), viaHook.shape(), p + " " + s.path());
						assertEquals(viaModel.axes(), viaHook.axes(), p + " " + s.path());
						if (viaHook.size() < 1 << 20) {
							Dataset a = Arrays2.readAll(viaModel);
							Dataset b = Arrays2.readAll(viaHook);
							assertEquals(Arrays2.sum(a), Arrays2.sum(b), 0, p + " " + s.path());
						}
						checked++;
					}
				}
			}
		}
		assertEquals(true, checked >= 4, "real files checked: " + checked);
	}
}
