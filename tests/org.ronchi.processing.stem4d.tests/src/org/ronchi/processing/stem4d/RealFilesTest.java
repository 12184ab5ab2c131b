package org.ronchi.processing.stem4d;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.processing.Operation;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * The operations on the real 4-D files, compared with NumPy computing the same definitions from the
 * same file (h5py): Prismatic's Si100_4D (11, 11, 8, 8) float32 in (1, 1, 8, 8) chunks, and py4DSTEM's
 * (2, 3, 4, 5) float32 contiguous datacube.
 */
class RealFilesTest {

	private static final String NUMPY = """
			import sys, h5py, numpy as np
			d = h5py.File(sys.argv[1], 'r')[sys.argv[2]][...].astype(np.float64)
			out = sys.argv[3]
			ny, nx = d.shape[2:]
			cy, cx = (ny - 1) / 2, (nx - 1) / 2
			m = min(ny, nx)
			yy, xx = np.mgrid[0:ny, 0:nx]
			d2 = (yy - cy) ** 2 + (xx - cx) ** 2
			bf = d2 <= (m / 8) ** 2
			adf = (d2 >= (m / 4) ** 2) & (d2 <= (m / 2) ** 2)
			np.save(out + '/bf.npy', np.tensordot(d, bf.astype(float), axes=([2, 3], [0, 1])))
			np.save(out + '/adf.npy', np.tensordot(d, adf.astype(float), axes=([2, 3], [0, 1])))
			np.save(out + '/mean.npy', d.mean(axis=(0, 1)))
			np.save(out + '/max.npy', d.max(axis=(0, 1)))
			np.save(out + '/median.npy', np.median(d, axis=(0, 1)))
			tot = d.sum(axis=(2, 3))
			comy = (d * yy).sum(axis=(2, 3)) / tot
			comx = (d * xx).sum(axis=(2, 3)) / tot
			np.save(out + '/com_y.npy', comy)
			np.save(out + '/com_x.npy', comx)
			gy, gx = comy - comy.mean(), comx - comx.mean()
			sy, sx = gy.shape
			ky = np.fft.fftfreq(sy, 1.0)[:, None]
			kx = np.fft.fftfreq(sx, 1.0)[None, :]
			k2 = kx ** 2 + ky ** 2
			k2[0, 0] = 1
			ph = (ky * np.fft.fft2(gy) + kx * np.fft.fft2(gx)) * -1j / (2 * np.pi * k2)
			ph[0, 0] = 0
			np.save(out + '/idpc.npy', np.real(np.fft.ifft2(ph)))
			q = d[:, :, :ny // 2 * 2, :nx // 2 * 2].reshape(d.shape[0], d.shape[1], ny // 2, 2, nx // 2, 2).sum(axis=(3, 5))
			np.save(out + '/bin.npy', q)
			np.save(out + '/fft.npy', np.abs(np.fft.fftshift(np.fft.fft2(d), axes=(2, 3))))
			np.save(out + '/crop.npy', d[1:, 1:, 1:3, 0:4])
			print('ok')
			""";

	@ParameterizedTest
	@CsvSource({ "emd_ncem/prismatic/Si100_4D.emd, /4DSTEM_simulation/data/datacubes/CBED_array_depth0000/datacube, 11, 8",
			"py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5, /datacube_root/datacube/data, 2, 4" })
	void operationsMatchNumpy(String file, String dataset, int scan, int frame) {
		Path f = TestData.real(file);
		Python.assumeModules("h5py", "numpy");
		Path out = TestData.tempDir("stem4d-real");
		Python.check(NUMPY, f.toString(), dataset, out.toString());
		try (Hdf5File h = Hdf5File.open(f)) {
			ArrayNode cube = h.array(dataset);
			assertEquals(scan, cube.shape()[0]);
			assertEquals(frame, cube.shape()[2]);
			Map<String, double[]> bfadf = Support.run(new VirtualBfAdf(), cube, Map.of());
			compare(out, "bf", bfadf.get("bf"));
			compare(out, "adf", bfadf.get("adf"));
			compare(out, "mean", Support.run(new VirtualDiffraction(), cube, Map.of("reduce", "mean")).get("pattern"));
			compare(out, "max", Support.run(new VirtualDiffraction(), cube, Map.of("reduce", "max")).get("pattern"));
			compare(out, "median", Support.run(new VirtualDiffraction(), cube, Map.of("reduce", "median")).get("pattern"));
			Map<String, double[]> com = Support.run(new CenterOfMass(), cube, Map.of());
			compare(out, "com_y", com.get("com_y"));
			compare(out, "com_x", com.get("com_x"));
			compare(out, "idpc", com.get("idpc"));
			compare(out, "bin", Support.run(new Bin(), cube, Map.of("q", List.of(2, 2))).get("data"));
			compare(out, "fft", Support.run(new FrameFft(), cube, Map.of()).get("data"));
			compare(out, "crop", run(new Crop(), cube, Map.of("q", List.of(1, 3, 0, 4), "r", List.of(1, (int) cube.shape()[0], 1, (int) cube.shape()[1]))));
		}
	}

	private static double[] run(Operation op, ArrayNode cube, Map<String, ?> p) {
		return Support.run(op, cube, p).get("data");
	}

	private static void compare(Path dir, String name, double[] actual) {
		DoubleDataset e = (DoubleDataset) NpyReader.read(dir.resolve(name + ".npy")).data().cast(DoubleDataset.class);
		double[] expected = e.getData();
		assertEquals(expected.length, actual.length, name + ": size");
		Support.close(expected, actual, 2e-6, name);
		assertArrayEquals(expected, actual, 2e-6 * (1 + Support.max(expected)), name);
	}
}
