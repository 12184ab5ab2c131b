package org.ronchi.io.dectris.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.ronchi.tests.support.Python;

/**
 * Synthetic Arina acquisitions written with h5py and Debian's {@code hdf5-filter-plugin}, laid out as
 * the detector writes them: {@code NAME_master.h5} (NXmx: detector facts, {@code detectorSpecific} with
 * {@code ntrigger}/{@code nimages}, {@code /entry/data/data_00000K} external links), data files
 * {@code NAME_data_00000K.h5} with bitshuffle + LZ4 chunks of one frame, the {@code STEM Metadata}
 * sidecar {@code NAME.h5}; and {@code NAME_ref.h5}, the same frames uncompressed in {@code /ref}, which
 * tests compare with.
 */
final class Acquisitions {
	private static final String WRITE = """
			import h5py, numpy as np, sys
			folder, name, dtype = sys.argv[1], sys.argv[2], np.dtype(sys.argv[3])
			ny, nx, h, w = (int(v) for v in sys.argv[4:8])
			per_file, sidecar, ntrigger = int(sys.argv[8]), sys.argv[9] == '1', int(sys.argv[10])
			n = ny * nx
			rng = np.random.default_rng(ny * 1000 + nx + dtype.itemsize)
			hi = min(np.iinfo(dtype).max, 100000)
			frames = rng.poisson(2, (n, h, w)).astype(np.int64)
			frames[:, h // 2, w // 3] = rng.integers(0, hi, n)  # a bright spot using every byte
			frames[:, 0, 0] = np.arange(n)                      # frame k says k
			frames = frames.astype(dtype)
			with h5py.File(f'{folder}/{name}_ref.h5', 'w') as f:
			    f['ref'] = frames
			files = []
			for k, a in enumerate(range(0, n, per_file), start=1):
			    fn = f'{name}_data_{k:06d}.h5'
			    with h5py.File(f'{folder}/{fn}', 'w') as f:
			        e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'
			        d = e.create_group('data'); d.attrs['NX_class'] = 'NXdata'
			        ds = d.create_dataset('data', data=frames[a:a + per_file], chunks=(1, h, w), compression=32008, compression_opts=(0, 2))
			        ds.attrs['image_nr_low'] = a + 1; ds.attrs['image_nr_high'] = min(a + per_file, n)
			    files.append(fn)
			with h5py.File(f'{folder}/{name}_master.h5', 'w') as f:
			    e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'
			    d = e.create_group('data'); d.attrs['NX_class'] = 'NXdata'
			    for k, fn in enumerate(files, start=1):
			        d[f'data_{k:06d}'] = h5py.ExternalLink(fn, '/entry/data/data')
			    det = f.create_group('entry/instrument/detector'); det.attrs['NX_class'] = 'NXdetector'
			    det['description'] = np.bytes_('Dectris ARINA Si')
			    det['bit_depth_image'] = np.uint16(dtype.itemsize * 8)
			    for key, v, u in [('count_time', 0.001, 's'), ('frame_time', 0.00101, 's'), ('threshold_energy', 4000.0, 'eV'),
			                      ('x_pixel_size', 7.5e-05, 'm'), ('y_pixel_size', 7.5e-05, 'm')]:
			        det[key] = v; det[key].attrs['units'] = np.bytes_(u)
			    s = det.create_group('detectorSpecific'); s.attrs['NX_class'] = 'NXcollection'
			    s['ntrigger'] = np.uint64(ntrigger); s['nimages'] = np.uint64(1)
			    s['compression'] = np.bytes_('bslz4')
			    s['photon_energy'] = 200000.0; s['photon_energy'].attrs['units'] = np.bytes_('eV')
			    s['flatfield'] = np.ones((h, w), np.float32)
			if sidecar:
			    with h5py.File(f'{folder}/{name}.h5', 'w') as f:
			        g = f.create_group('STEM Metadata')
			        g.attrs['NumPixelsX'] = nx; g.attrs['NumPixelsY'] = ny
			        g.attrs['High Tension'] = np.array([200000.0]); g.attrs['Camera Length'] = np.array([0.2])
			        g.attrs['Pixel Size'] = np.array([0.5])
			""";

	private Acquisitions() {
	}

	static void assumeWritable() {
		Python.assumeModules("h5py", "numpy");
		Python.Result r = Python.run("import h5py, sys; sys.exit(0 if h5py.h5z.filter_avail(32008) else 1)");
		Assumptions.assumeTrue(r.exit() == 0, "h5py lacks the bitshuffle plugin (Debian's hdf5-filter-plugin)");
	}

	/**
	 * Writes an acquisition of ny x nx frames of h x w elements of dtype (a NumPy name), perFile frames
	 * per data file; frame k has k at (0, 0).
	 *
	 * @param ntrigger what the master announces (ny * nx for a whole acquisition)
	 * @return the master file
	 */
	static Path write(Path folder, String name, String dtype, int ny, int nx, int h, int w, int perFile, boolean sidecar, int ntrigger) {
		Python.check(WRITE, folder.toString(), name, dtype, Integer.toString(ny), Integer.toString(nx), Integer.toString(h), Integer.toString(w),
				Integer.toString(perFile), sidecar ? "1" : "0", Integer.toString(ntrigger));
		return folder.resolve(name + "_master.h5");
	}
}
