package org.ronchi.io.nexus.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.nexus.internal.NexusLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.TestData;

/**
 * The real NeXus files against MANIFEST.md ("HyperSpy .hspy / .hdf5 and NeXus — HyperSpy 1.7.3
 * readings"): the signals HyperSpy's NeXus reader finds, in its order, with title, shape, dtype, sum and
 * the axes of the NXdata ones; saved_multi_signal.nxs, which HyperSpy 1.7.3 fails on, read all the same.
 */
class NexusConformanceTest {
	static final String DIR = "nexus/rsciio/";

	static DataFile open(String name, Map<String, Object> options) {
		return new NexusLoader().open(TestData.real(DIR + name), options);
	}

	/** Title, dtype, shape and sum (NaN when the data holds NaN) of each signal, in order. */
	static void assertSignals(DataFile f, Object[][] expected) {
		assertEquals(expected.length, f.signals().size(), f.signals().stream().map(ArrayNode::title).toList().toString());
		for (int i = 0; i < expected.length; i++) {
			ArrayNode s = f.signals().get(i);
			assertEquals(expected[i][0], s.title(), "signal " + i);
			assertEquals(DType.FLOAT64, s.dtype(), s.title());
			assertArrayEquals((long[]) expected[i][1], s.shape(), s.title());
			Dataset d = Arrays2.readAll(s);
			double sum = (Double) expected[i][2];
			assertEquals(sum, Arrays2.sum(d), Double.isNaN(sum) ? 0 : Math.abs(sum) * 1e-12, s.title());
		}
	}

	static void assertAxis(Axis a, String name, long size, double scale, double offset, boolean navigate) {
		assertEquals(name, a.name(), a.toString());
		assertEquals(size, a.size(), a.toString());
		assertEquals(scale, a.scale(), 1e-12, a.toString());
		assertEquals(offset, a.offset(), 1e-12, a.toString());
		assertEquals(navigate, a.navigate(), a.toString());
	}

	@Test
	void probesEveryNeXusFileBelowTheFormatsBuiltOnIt() {
		for (var p : TestData.realFiles("nexus", ".nxs")) {
			try (FileProbe probe = FileProbe.of(p)) {
				int score = new NexusLoader().probe(probe);
				assertTrue(score > FileLoader.GENERIC && score < FileLoader.SPECIFIC, p + ": " + score);
			}
		}
		for (String other : List.of("hspy/rsciio/example2_v2.2.hspy", "py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5")) {
			try (FileProbe probe = FileProbe.of(TestData.real(other))) {
				assertEquals(0, new NexusLoader().probe(probe), other);
			}
		}
	}

	@Test
	void diamondExampleAsHyperSpyListsIt() {
		double nan = Double.NaN;
		try (DataFile f = open("nexus_dls_example.nxs", Map.of())) {
			assertSignals(f, new Object[][] { { "nexustest", new long[] { 10, 10, 15 }, 0.0 }, { "nexustest", new long[] { 10, 10, 15 }, 0.0 },
					{ "alias_signal_nexustest_x", new long[] { 10 }, 45.0 }, { "alias_signal_nexustest_y", new long[] { 10 }, 45.0 },
					{ "entry1_instrument_dcm_enrg_value", new long[] { 29, 15 }, nan },
					{ "entry1_instrument_dcm_enrg_value_set", new long[] { 29 }, 497.90099999999995 },
					{ "entry1_instrument_ic_3602_c1_value", new long[] { 29, 15 }, nan }, { "entry1_instrument_ic_3602_c2_value", new long[] { 29, 15 }, nan },
					{ "entry1_instrument_ic_3602_c3_value", new long[] { 29, 15 }, nan }, { "entry1_instrument_ic_3602_c4_value", new long[] { 29, 15 }, nan },
					{ "entry1_instrument_stage1_x_value", new long[] { 29, 15 }, nan },
					{ "entry1_instrument_stage1_x_value_set", new long[] { 15 }, 48.26493935065598 },
					{ "entry1_testdata_nexustest_x", new long[] { 10 }, 45.0 }, { "entry1_testdata_nexustest_y", new long[] { 10 }, 45.0 } });
			for (int i = 0; i < 2; i++) {
				List<Axis> axes = f.signals().get(i).axes();
				assertAxis(axes.get(0), "y", 10, 1, 0, true);
				assertAxis(axes.get(1), "x", 10, 1, 0, true);
				assertAxis(axes.get(2), "", 15, 1, 0, false); // interpretation "spectrum"
			}
			assertEquals("/alias_signal/nexustest/data", f.signals().get(0).path(), "the soft link is followed, as h5py follows it");
			// the entry's metadata as HyperSpy shows it: attributes under attrs, fields with attributes as value + attrs
			assertEquals(-2.7783364400000004, f.signals().get(1).originalMetadata().at("instrument", "beamline", "M1", "m1_pitch", "value"));
			assertEquals("mrad", f.signals().get(1).originalMetadata().at("instrument", "beamline", "M1", "m1_pitch", "attrs", "units"));
			assertEquals("No description provided.", f.signals().get(1).metadata().get("sample.description"), "the first NXsample with one");
		}
		try (DataFile f = open("nexus_dls_example.nxs", Map.of("nxdata_only", true))) {
			assertEquals(List.of("nexustest", "nexustest"), f.signals().stream().map(ArrayNode::title).toList());
		}
	}

	@Test
	void simpleSignalWithASingleValueAxis() {
		try (DataFile f = open("simple_signal.nxs", Map.of())) {
			assertSignals(f, new Object[][] { { "rocks", new long[] { 15, 1, 40, 40 }, 0.0 },
					{ "entry1_auxiliary_original_metadata_instrument_stages", new long[] { 5 }, 30.0 }, { "entry1_rocks_yaxis", new long[] { 15 }, 510.0 } });
			List<Axis> axes = f.signals().get(0).axes();
			assertEquals(2.0, axes.get(0).scale(), 1e-12);
			assertAxis(axes.get(1), "xaxis", 1, 1, 20, true);
			assertAxis(axes.get(2), "", 40, 1, 0, false); // interpretation "image"
			assertAxis(axes.get(3), "", 40, 1, 0, false);
			// HyperSpy wrote it: the original metadata is what it saved, the keV of its XRF beam energy not an accelerating voltage
			assertEquals("Diamond", f.signals().get(0).originalMetadata().at("instrument", "attrs", "facility"));
			assertEquals("rocks", f.signals().get(0).metadata().get("general.title"));
		}
	}

	@Test
	void theFileHyperSpyFailsOnOpensWithBothSignals() {
		try (DataFile f = open("saved_multi_signal.nxs", Map.of("nxdata_only", true))) {
			assertEquals(List.of("rocks", "unnamed__1"), f.signals().stream().map(ArrayNode::title).toList());
			ArrayNode spectra = f.signals().get(1);
			assertArrayEquals(new long[] { 30, 30, 10 }, spectra.shape());
			assertEquals(List.of("yaxis", "xaxis", "energy"), spectra.axes().stream().map(Axis::name).toList());
			assertEquals(List.of(true, true, false), spectra.axes().stream().map(Axis::navigate).toList());
		}
		try (DataFile f = open("saved_multi_signal.nxs", Map.of())) {
			assertTrue(f.signals().stream().noneMatch(s -> s.title().endsWith("_lines")), "byte-string datasets are no signals");
		}
		try (DataFile f = open("saved_multi_signal.nxs", Map.of("use_default", true))) {
			assertEquals(List.of("rocks"), f.signals().stream().map(ArrayNode::title).toList(), "root -> entry1 -> rocks");
		}
	}
}
