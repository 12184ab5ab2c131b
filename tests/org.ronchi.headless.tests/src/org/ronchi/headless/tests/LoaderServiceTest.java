package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.tests.support.TestData;

/**
 * Under OSGi (tycho-surefire): the registry is a DS service tracking every loader service, and picks
 * by content: the specific HDF5 flavours for their files, the generic HDF5 loader for any other HDF5.
 */
class LoaderServiceTest {
	@Test
	void registryServicePicksLoadersByContent() {
		Assumptions.assumeTrue(org.osgi.framework.FrameworkUtil.getBundle(LoaderServiceTest.class) != null, "needs OSGi");
		LoaderRegistry reg = Cli.osgiRegistry();
		assertNotNull(reg, "LoaderRegistry service not registered");
		assertEquals("h5USID", reg.select(TestData.real("usid/pyUSID/simulated_STEM_Image.h5")).name());
		assertEquals("EMD", reg.select(TestData.real("emd_ncem/prismatic/Si100_4D.emd")).name());
		assertEquals("EMD 1.0", reg.select(TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5")).name());
		assertEquals("Velox EMD", reg.select(TestData.real("velox_emd/hyperspy_history/example_fei_emd_image.emd")).name());
		assertEquals("DigitalMicrograph", reg.select(TestData.real("dm/openNCEM/08_carbon.dm3")).name());
		// a Dectris master is NeXus too (NXmx): its own loader wins; its data file stays plain HDF5
		assertEquals("Dectris Arina/EIGER", reg.select(TestData.real("raw4d/arina/test_00_master.h5")).name());
		assertEquals("HDF5", reg.select(TestData.real("raw4d/arina/test_00_data_000001.h5")).name());
		Path plain = TestData.tempDir("plain").resolve("plain.h5");
		Hdf5Writer.write(plain, root -> root.dataset("x", new int[] { 1, 2, 3 }));
		assertEquals("HDF5", reg.select(plain).name());
	}
}
