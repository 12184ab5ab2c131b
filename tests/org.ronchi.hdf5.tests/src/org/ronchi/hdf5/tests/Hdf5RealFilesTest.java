package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.tests.support.TestData;

/** Values from ../shared/testdata/real/MANIFEST.md ("independent reading", raw h5py). */
class Hdf5RealFilesTest {

	static Stream<Arguments> manifest() {
		return Stream.of(
				Arguments.of("usid/pyUSID/simulated_STEM_Image.h5", "/Measurement_000/Channel_000/Raw_Data", new long[] { 65536, 1 }, "uint8", 86.0, 6710823.0),
				Arguments.of("usid/pyUSID/AFM_Force_Curve.h5", "/Measurement_000/Channel_000/Raw_Data", new long[] { 1, 2045 }, "float32", -1.7186046e-07, -0.0003500670031),
				Arguments.of("usid/pycroscopy/131017Spectroscopy002.h5", "/Measurement_000/Channel_000/Raw_Data", new long[] { 65536, 1 }, "float64", -4.6800295081562027e-07, -0.04018426569),
				Arguments.of("usid/pyUSID/sparse_sampling.h5", "/Measurement_000/Channel_000/Raw_Data", new long[] { 8, 3 }, "float32", 0.22936897, 13.38489114),
				Arguments.of("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5", "/datacube_root/datacube/data", new long[] { 2, 3, 4, 5 }, "float32", 472.5212, 28255.87625),
				Arguments.of("emd_ncem/prismatic/Si100_4D.emd", "/4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube", new long[] { 11, 11, 8, 8 }, "float32", 1.06142345e-07, 110.6683919),
				Arguments.of("emd_ncem/prismatic/Si100_3D.emd", "/4DSTEM_simulation/data/realslices/virtual_detector_depth0000/realslice", new long[] { 22, 22, 37 }, "float32", 0.018357618, 442.4281393),
				Arguments.of("emd_ncem/rsciio_hyperspy_written/example_signal.emd", "/signals/__unnamed__/data", new long[] { 3, 3, 3 }, "int32", 0.0, 351.0),
				Arguments.of("emd_ncem/rsciio_hyperspy_written/example_bytes_string_metadata.emd", "/test_group/data_group/data", new long[] { 10 }, "int64", 0.0, 45.0),
				Arguments.of("velox_emd/hyperspy_history/example_fei_emd_image.emd", "/Data/Image/23088cf7c7844be397c5c465915044ac/Data", new long[] { 512, 512, 1 }, "uint16", 9240.0, 2431912854.0),
				Arguments.of("velox_emd/openNCEM/Camera Ceta Imaging Micro.emd", "/Data/Image/b936b39acdb84cd2971d755b7ba267bf/Data", new long[] { 512, 512, 1 }, "int16", -6.0, -411708.0),
				Arguments.of("velox_emd/hyperspy_history/example_fei_emd_si.emd", "/Data/SpectrumStream/ca60be96f3d5453cb0cebe70ec2649ea/Data", new long[] { 7837, 1 }, "uint16", 65535.0, 84133563.0),
				Arguments.of("velox_emd/hyperspy_history/example_fei_emd_spectrum.emd", "/Data/SpectrumStream/a5659b876edd46eabc3978d2b6a38286/Data", new long[] { 1168845, 1 }, "uint16", 100.0, 117561054.0));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifest")
	void datasetMatchesManifest(String file, String path, long[] shape, String dtype, double first, double sum) throws Exception {
		Path p = TestData.real(file);
		try (DataFile f = new Hdf5Loader().open(p, Map.of())) {
			ArrayNode a = f.find(path);
			assertNotNull(a, path);
			assertArrayEquals(shape, a.shape());
			assertEquals(dtype, a.dtype().numpyName());
			Dataset all = DatasetUtils.sliceAndConvertLazyDataset(a.lazy());
			assertEquals(first, all.getElementDoubleAbs(0), Math.abs(first) * 1e-6);
			assertEquals(sum, ((Number) all.cast(org.eclipse.january.dataset.DoubleDataset.class).sum()).doubleValue(), Math.abs(sum) * 1e-6 + 1e-12);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("allHdf5")
	void everyHdf5FileOpensAndEveryNumericDatasetReads(Path p) throws Exception {
		try (DataFile f = new Hdf5Loader().open(p, Map.of())) {
			for (ArrayNode a : f.signals()) {
				if (a.dtype().isNumeric() && a.size() > 0) {
					Dataset d = DatasetUtils.sliceAndConvertLazyDataset(a.lazy());
					assertArrayEquals(a.shape(), org.ronchi.core.lazy.Shapes.toLong(d.getShape().length == 0 ? new int[0] : d.getShape()),
							a.path());
				}
			}
		}
	}

	static List<Path> allHdf5() {
		return Stream.of("usid", "py4dstem", "emd_ncem", "velox_emd")
				.flatMap(d -> TestData.realFiles(d, ".h5", ".emd").stream()).toList();
	}
}
