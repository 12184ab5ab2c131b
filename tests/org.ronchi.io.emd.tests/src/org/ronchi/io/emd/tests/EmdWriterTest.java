package org.ronchi.io.emd.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.io.emd.EmdArray;
import org.ronchi.io.emd.EmdCalibration;
import org.ronchi.io.emd.EmdMetadata;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointList;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.Emd1Writer;
import org.ronchi.io.emd.EmdFiles;
import org.ronchi.io.emd.NcemWriter;
import org.ronchi.io.emd.internal.Emd1Loader;
import org.ronchi.io.emd.internal.NcemLoader;
import org.ronchi.tests.support.TestData;

/** Writing NCEM EMD 0.2 and EMD 1.0: write, read back, compare; h5py reads the layout. */
class EmdWriterTest {
	@TempDir
	Path dir;

	static void assertSameSignal(ArrayNode a, ArrayNode b, boolean navigate) {
		assertEquals(a.title(), b.title());
		assertEquals(a.dtype(), b.dtype());
		assertArrayEquals(a.shape(), b.shape(), b.path());
		assertEquals(Arrays2.readAll(a), Arrays2.readAll(b), b.path());
		for (int i = 0; i < a.rank(); i++) {
			Axis x = a.axes().get(i);
			Axis y = b.axes().get(i);
			assertEquals(x.name(), y.name());
			assertEquals(x.units(), y.units());
			assertEquals(x.size(), y.size());
			assertEquals(x.isLinear(), y.isLinear(), y.toString());
			if (x.isLinear()) {
				assertEquals(x.scale(), y.scale(), Math.abs(x.scale()) * 1e-9, y.toString());
				assertEquals(x.offset(), y.offset(), Math.abs(x.offset()) * 1e-9 + 1e-15, y.toString());
			} else {
				assertEquals(x.coordinate(x.size() - 1), y.coordinate(y.size() - 1), 0);
			}
			if (navigate) {
				assertEquals(x.navigate(), y.navigate());
			}
		}
	}

	/** Lists and arrays as text, for comparing metadata values. */
	static String deep(Object v) {
		if (v instanceof List<?> l) {
			return l.stream().map(EmdWriterTest::deep).toList().toString();
		}
		if (v != null && v.getClass().isArray()) {
			StringBuilder sb = new StringBuilder("[");
			for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
				sb.append(java.lang.reflect.Array.get(v, i)).append(',');
			}
			return sb.append(']').toString();
		}
		return String.valueOf(v);
	}

	@Test
	void ncemRealFilesRoundTrip() {
		for (Path real : TestData.realFiles("emd_ncem", ".emd")) {
			Path out = dir.resolve(real.getFileName());
			try (DataFile in = new NcemLoader().open(real, Map.of())) {
				NcemWriter.write(in, out);
				try (DataFile back = new NcemLoader().open(out, Map.of())) {
					assertEquals("0.2", back.formatVersion());
					assertEquals(in.signals().size(), back.signals().size());
					for (int k = 0; k < in.signals().size(); k++) {
						assertSameSignal(in.signals().get(k), back.signals().get(k), false);
					}
					if (in.signals().get(0).originalMetadata().get("user") != null) {
						assertEquals(in.signals().get(0).originalMetadata().get("user"), back.signals().get(0).originalMetadata().get("user"));
					}
				}
			}
		}
	}

	@Test
	void ncemLayoutAsH5pyReadsIt() {
		Path out = dir.resolve("4d.emd");
		try (DataFile in = new NcemLoader().open(TestData.real("emd_ncem/prismatic/Si100_4D.emd"), Map.of())) {
			NcemWriter.write(in, out);
		}
		String r = Fixtures.h5py(out, """
				g = f['/signals/CBED_array']
				print(f.attrs['version_major'], f.attrs['version_minor'], g.attrs['emd_group_type'])
				print(g['data'].shape, g['data'].dtype, '%.7g' % g['data'][()].astype('f8').sum())
				print(g['dim1'].attrs['name'], g['dim1'].attrs['units'], ['%.8g' % v for v in g['dim1'][()]])
				print(g['dim5'].attrs['name'], g['dim5'].attrs['units'], sorted(f['user'].attrs.keys()))
				""");
		assertEquals("""
				0 2 1
				(8, 8, 11, 11, 2) float32 221.2757
				Q_y [1_ _/_ _n_m] ['-0.73664826', '-0.5524862']
				CBED_array_depth [Å] []""", r);
	}

	@Test
	void emd1RealFileRoundTrip() {
		Path out = dir.resolve("py4dstem.h5");
		try (DataFile in = new Emd1Loader().open(TestData.real(Emd1ConformanceTest.FILE), Map.of())) {
			assertTrue(Emd1Writer.write(in, out).isEmpty());
			try (DataFile back = new Emd1Loader().open(out, Map.of())) {
				assertSameSignal(in.signals().get(0), back.signals().get(0), true);
				assertEquals(in.signals().get(0).originalMetadata().get("root_metadata"),
						back.signals().get(0).originalMetadata().get("root_metadata"));
				assertEquals("DataCube", back.signals().get(0).originalMetadata().at("node", "python_class"));
			}
		}
		String r = Fixtures.h5py(out, """
				c = f['/datacube_root/metadatabundle/calibration']
				print(f.attrs['emd_group_type'], f.attrs['version_major'], c.attrs['python_class'], c['Q_pixel_size'].attrs['type'], c['Q_pixel_size'][()])
				print(f['/datacube_root/datacube/dim2'].attrs['units'], f['/datacube_root/datacube'].attrs['python_class'], c['_target_paths'].attrs['type'])
				""");
		assertEquals("file 1 Calibration number 0.044251566616087125\nA^-1 DataCube list_of_strings", r);
	}

	@Test
	void emd1FixtureRoundTripKeepsTreeAndMetadataTypes() {
		Path fixture = Fixtures.emd1(dir);
		Path out = dir.resolve("again.emd");
		try (DataFile in = new Emd1Loader().open(fixture, Map.of())) {
			assertEquals(List.of(), Emd1Writer.write(in, out), "PointListArrays too (Emd1PointListArrayWriterTest)");
			try (DataFile back = new Emd1Loader().open(out, Map.of())) {
				assertEquals(in.signals().size(), back.signals().size());
				for (int k = 0; k < in.signals().size(); k++) {
					assertSameSignal(in.signals().get(k), back.signals().get(k), true);
				}
			}
		}
		try (EmdFiles.Opened a = EmdFiles.open(fixture); EmdFiles.Opened b = EmdFiles.open(out)) {
			EmdNode ra = a.trees().get(0);
			EmdNode rb = b.trees().get(0);
			assertEquals(List.of("braggpeaks", "pl", "stack", "thing"), rb.children().stream().map(EmdNode::name).toList());
			assertEquals("custom_node", rb.children().get(3).type());
			EmdArray stack = assertInstanceOf(EmdArray.class, rb.children().get(2));
			assertEquals(List.of("bright", "dark"), stack.slicelabels());
			assertEquals("stack/virtual", stack.children().get(0).treePath());
			assertEquals(List.of("intensity", "qx", "qy"), assertInstanceOf(EmdPointList.class, rb.children().get(1)).fieldNames());
			for (String name : List.of("params", "calibration")) {
				EmdMetadata ma = ra.metadata(name);
				EmdMetadata mb = rb.metadata(name);
				assertEquals(ma.pythonClass(), mb.pythonClass());
				assertEquals(ma.params().keySet(), mb.params().keySet());
				for (String k : ma.params().keySet()) {
					assertEquals(ma.type(k), mb.type(k), k);
					assertEquals(deep(ma.toTree().child(k)), deep(mb.toTree().child(k)), k);
				}
			}
			assertEquals(1.5, EmdCalibration.of(stack).metadata().get("QR_flip") == Boolean.TRUE ? 1.5 : 0, 0);
		}
	}

	@Test
	void anySignalBecomesAnEmd1TreeWithACalibratedDataCube() {
		Path out = dir.resolve("generic.emd");
		try (DataFile in = new Emd1Loader().open(TestData.real(Emd1ConformanceTest.FILE), Map.of());
				DataFile ncem = new NcemLoader().open(TestData.real("emd_ncem/prismatic/Si100_4D.emd"), Map.of())) {
			Emd1Writer.write(List.of(in.signals().get(0), ncem.signals().get(0)), out);
			try (DataFile back = new Emd1Loader().open(out, Map.of())) {
				assertEquals(List.of("/CBED_array_root/CBED_array/data", "/datacube_root/datacube/data"),
						back.signals().stream().map(ArrayNode::path).toList(), "roots by name");
				assertSameSignal(in.signals().get(0), back.signals().get(1), true);
				assertSameSignal(ncem.signals().get(0), back.signals().get(0), false);
				assertEquals("Å", back.signals().get(0).axes().get(0).units(), "written as py4DSTEM's A");
			}
		}
		try (EmdFiles.Opened o = EmdFiles.open(out)) {
			EmdCalibration cal = EmdCalibration.of(o.trees().get(1));
			assertEquals(0.044251566616087125, cal.qPixelSize(), 0);
			assertEquals("1 / Å", cal.qPixelUnits());
			assertEquals(0.126796875, cal.rPixelSize(), 0);
			assertEquals("DataCube", o.trees().get(1).children().get(0).pythonClass());
			assertEquals("Array", o.trees().get(0).children().get(0).pythonClass(), "5-D: not a DataCube");
			assertEquals("CBED_array", o.trees().get(0).children().get(0).metadata("metadata").get("general.title"));
			assertEquals(100.0, o.trees().get(0).children().get(0).metadata("metadata").get("acquisition.instrument.beam_energy"));
			assertEquals("kV", o.trees().get(0).children().get(0).metadata("metadata").get("acquisition.instrument.beam_energy_units"));
		}
	}
}
