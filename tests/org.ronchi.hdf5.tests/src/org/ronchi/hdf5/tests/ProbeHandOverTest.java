package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.tests.support.TestData;

/** The HDF5 file opened for the probes is the one the chosen loader reads: opened and walked once. */
class ProbeHandOverTest {
	private static final Path FILE = TestData.real("usid/pyUSID/simulated_STEM_Image.h5");

	@Test
	void theLoaderReadsTheFileAndTreeTheProbesOpened() {
		Hdf5File probed;
		DataFile df;
		try (FileProbe probe = FileProbe.of(FILE)) {
			probed = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			var tree = probed.tree();
			df = new Hdf5Loader().open(probe, Map.of());
			assertSame(tree, df.root(), "the tree built while probing is not built again");
		}
		// the probe is closed, the file it handed over is not: data still reads
		try (DataFile f = df) {
			var a = f.signals().get(0);
			int[] count = java.util.Arrays.stream(a.shape()).mapToInt(Math::toIntExact).toArray();
			assertEquals(a.size(), a.source().read(new long[a.rank()], count).getSize());
		}
	}

	@Test
	void withoutAProbedFileTheLoaderOpensItsOwn() {
		try (FileProbe probe = FileProbe.of(FILE); DataFile df = new Hdf5Loader().open(probe, Map.of())) {
			assertNull(probe.<Hdf5File>take(Hdf5File.PROBE_KEY));
			try (Hdf5File other = Hdf5File.open(FILE)) {
				assertNotSame(other.tree(), df.root());
			}
		}
	}
}
