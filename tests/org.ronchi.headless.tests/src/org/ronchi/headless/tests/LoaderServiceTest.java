package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.tests.support.TestData;

/** Under OSGi (tycho-surefire): the registry is a DS service and finds the HDF5 loader service by content. */
class LoaderServiceTest {
	@Test
	void registryServicePicksHdf5LoaderForRealFiles() {
		Assumptions.assumeTrue(org.osgi.framework.FrameworkUtil.getBundle(LoaderServiceTest.class) != null, "needs OSGi");
		LoaderRegistry reg = Cli.osgiRegistry();
		assertNotNull(reg, "LoaderRegistry service not registered");
		assertEquals("HDF5", reg.select(TestData.real("usid/pyUSID/simulated_STEM_Image.h5")).name());
		assertNotNull(reg.select(TestData.real("emd_ncem/prismatic/Si100_4D.emd")));
	}
}
