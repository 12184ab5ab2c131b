package org.ronchi.io.nexus.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.FloatDataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.io.nexus.internal.NexusFileWriter;
import org.ronchi.io.nexus.internal.NexusLoader;
import org.ronchi.tests.support.Arrays2;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * {@code ronchi convert --to nexus}: what Ronchi writes reads back the same in Ronchi (data, axes, the
 * standard metadata through the NeXus classes, the original tree), and h5py and HyperSpy's NeXus reader
 * find its NXdata with signal, axes and indices.
 */
class NexusWriterTest {

	/** A 2 x 3 scan of 5-channel spectra on a non-uniform energy axis, with metadata of every kind. */
	static DataFile spectrumImage() {
		Dataset data = DatasetFactory.createRange(FloatDataset.class, 30).reshape(2, 3, 5);
		ArrayNode s = new ArrayNode("data", new MemorySource(data, DType.FLOAT32));
		s.axes(List.of(Axis.linear("y", "nm", 2, 2.5, -1).withNavigate(true), Axis.linear("x", "nm", 3, 0.5, 10).withNavigate(true),
				Axis.vector("Energy loss", "eV", new double[] { 280, 281, 283, 286, 290 })));
		s.title("EELS map").quantity("Intensity", "counts");
		MetadataTree m = new MetadataTree();
		m.set("general.title", "EELS map");
		m.set("general.date_time", "2024-03-05T14:15:16");
		m.set("general.authors", "A. Microscopist");
		m.set("acquisition.instrument.microscope", "Titan");
		m.set("acquisition.instrument.beam_energy", new Quantity(300, "kV"));
		m.set("acquisition.detector.name", "GIF");
		m.set("sample.description", "carbon film");
		s.metadata(m);
		MetadataTree o = new MetadataTree();
		o.branch("Microscope").put("Voltage", 300000.0).put("Name", "Titan").put("Mode", List.of("STEM", "EELS"));
		o.put("calibration", new double[] { 0, 0.25, 0.5 });
		o.put("spot", new Quantity(3.5, "nm"));
		s.originalMetadata(o);
		Group root = Group.root();
		root.add(s);
		DataFile f = new DataFile(Path.of("memory"), "test", "", root, null);
		f.addSignal(s);
		return f;
	}

	@Test
	void readsBackAsWritten() {
		Path out = TestData.tempDir("nexus-write").resolve("si.nxs");
		try (DataFile in = spectrumImage()) {
			assertEquals(List.of(), new NexusFileWriter().write(in, out, Map.of()));
		}
		try (DataFile in = spectrumImage(); DataFile f = new NexusLoader().open(out, Map.of("nxdata_only", true))) {
			ArrayNode want = in.signals().get(0);
			ArrayNode got = f.signals().get(0);
			assertEquals("EELS map", got.title());
			assertEquals(DType.FLOAT32, got.dtype());
			assertArrayEquals(Arrays2.readAll(want).getBuffer() instanceof float[] a ? a : null, (float[]) Arrays2.readAll(got).getBuffer());
			assertEquals(want.axes(), got.axes());
			assertEquals(List.of("Intensity", "counts"), List.of(got.quantity(), got.units()));
			MetadataTree m = got.metadata();
			for (String k : List.of("general.date_time", "general.authors", "acquisition.instrument.microscope", "acquisition.instrument.beam_energy",
					"acquisition.detector.name", "sample.description")) {
				assertEquals(want.metadata().get(k), m.get(k), k);
			}
			MetadataTree om = (MetadataTree) got.originalMetadata().child("original_metadata");
			assertEquals(300000.0, om.at("Microscope", "Voltage"));
			assertArrayEquals(new String[] { "STEM", "EELS" }, (String[]) om.at("Microscope", "Mode"));
			assertArrayEquals(new double[] { 0, 0.25, 0.5 }, (double[]) om.child("calibration"));
			assertEquals(3.5, om.at("spot", "value"));
			assertEquals("nm", om.at("spot", "attrs", "units"));
		}
	}

	@Test
	void dawnAndHyperSpyFindTheSignalAndItsAxes() {
		Python.assumeModules("h5py", "hyperspy.api");
		Path out = TestData.tempDir("nexus-hs").resolve("si.nxs");
		try (DataFile in = spectrumImage()) {
			new NexusFileWriter().write(in, out, Map.of());
		}
		String line = Python.check(Scripts.read("nexus_check.py"), out.toString());
		JsonObject o = JsonParser.parseString(line).getAsJsonObject();
		assertEquals("/entry1/EELS map", o.get("path").getAsString());
		assertEquals("[\"y\",\"x\",\"Energy loss\"]", o.get("axes").toString());
		JsonObject hs = o.getAsJsonObject("hyperspy");
		assertEquals("EELS map", hs.get("title").getAsString());
		assertEquals("float32", hs.get("dtype").getAsString());
		assertEquals("[true,true,false]", hs.get("navigate").toString(), "interpretation 'spectrum'");
		JsonObject y = hs.getAsJsonArray("axes").get(0).getAsJsonObject();
		assertEquals(List.of("y", "2.5", "-1.0", "nm"), List.of(y.get("name").getAsString(), y.get("scale").getAsString(), y.get("offset").getAsString(),
				y.get("units").getAsString()));
	}

	@Test
	void neverOverAnExistingFileAndNoUnknownOptions() throws Exception {
		Path dir = TestData.tempDir("nexus-exists");
		Path there = Files.writeString(dir.resolve("there.nxs"), "keep me");
		try (DataFile in = spectrumImage()) {
			assertThrows(RonchiException.class, () -> new NexusFileWriter().write(in, there, Map.of()));
			assertThrows(RonchiException.class, () -> new NexusFileWriter().write(in, dir.resolve("new.nxs"), Map.of("compression", "lzf")));
		}
		assertEquals("keep me", Files.readString(there));
		assertFalse(Files.exists(dir.resolve("new.nxs")));
	}
}
