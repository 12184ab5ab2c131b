package org.ronchi.io.emd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.NcemWriter;
import org.ronchi.io.emd.internal.NcemLoader;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * HyperSpy 1.7.3 (Debian's python3-hyperspy) reads the NCEM files Ronchi writes: same data order,
 * axes and title as Ronchi reads, the independent check that the transposition on writing is right;
 * the Prismatic beam energy (80 keV) comes back as the microscope voltage HyperSpy keeps.
 */
class NcemHyperSpyTest {
	@TempDir
	Path dir;

	@Test
	void hyperspyReadsWrittenFiles() {
		Python.assumeModules("hyperspy.api");
		Path a = dir.resolve("cube.emd");
		Path b = dir.resolve("meta.emd");
		try (DataFile in = new NcemLoader().open(TestData.real("emd_ncem/prismatic/Si100_1x1x3-zStart5.43.emd"), Map.of())) {
			NcemWriter.write(in, a);
		}
		try (DataFile in = new NcemLoader().open(TestData.real("emd_ncem/rsciio_hyperspy_written/example_metadata.emd"), Map.of())) {
			NcemWriter.write(in, b);
		}
		String out = Python.check("""
				import sys, warnings, logging
				warnings.filterwarnings('ignore'); logging.disable(logging.WARNING)
				import hyperspy.api as hs, numpy as np
				for p in sys.argv[1:]:
				    s = hs.load(p)
				    d = np.asarray(s.data)
				    print(s.metadata.General.title, d.shape, '%.7g' % d.astype('f8').sum(), '%.8g' % d.flat[1])
				    print([(ax.name, ax.size, '%.6g' % ax.scale, '%.6g' % ax.offset, ax.units) for ax in s.axes_manager._axes])
				    print(s.original_metadata.get_item('user.name', ''), s.original_metadata.get_item('microscope.voltage', ''))
				""", a.toString(), b.toString());
		assertEquals(List.of("virtual_detector (3, 208, 7, 7) 146.9608 0.053243451",
				"[('virtual_detector_depth', 3, '5.43', '5.43', 'Å'), ('bin_outer_angle', 208, '0.001', '0.0005', 'mrad'), "
						+ "('R_y', 7, '0.4', '2.715', 'nm'), ('R_x', 7, '0.4', '2.715', 'nm')]",
				" 80kV", "This is a test! (3, 3) 36 3", "[('', 3, '1', '0', ''), ('', 3, '1', '0', '')]", "John Doe 300kV"), out.lines().toList());
	}
}
