"""Helper of hdf5_write.sh: generates the chunk blocks, writes the same dataset with h5py, checks the Ronchi file.

    hdf5_write.py gen BLOCKS_FILE
    hdf5_write.py h5py BLOCKS_FILE OUT_FILE SIZE_GIB
    hdf5_write.py check BLOCKS_FILE RONCHI_FILE SIZE_GIB
"""
import os
import sys
import time

import h5py
import numpy as np

FRAME, NX, CHUNK_FRAMES, NBLOCKS = 256, 128, 8, 16


def shape(gib):
    frames = int(float(gib) * 2**30) // (FRAME * FRAME * 2)
    return (max(1, frames // NX), NX, FRAME, FRAME)


def blocks(path):
    return np.fromfile(path, dtype='<u2').reshape(-1, CHUNK_FRAMES, FRAME, FRAME)


def chunk_offsets(shp):
    per_row = NX // CHUNK_FRAMES
    for c in range(shp[0] * per_row):
        yield c, c // per_row, c % per_row * CHUNK_FRAMES


def gen(path):
    """Diffraction-like frames: a bright disk and a diffuse halo that wander a little, with Poisson noise."""
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:FRAME, 0:FRAME]
    out = np.empty((NBLOCKS, CHUNK_FRAMES, FRAME, FRAME), '<u2')
    for b in range(NBLOCKS):
        for k in range(CHUNK_FRAMES):
            cy, cx = 128 + 6 * np.sin(b + k / 3), 128 + 6 * np.cos(b * 0.7 + k)
            r2 = (y - cy) ** 2 + (x - cx) ** 2
            lam = 3000 * np.exp(-r2 / (2 * 12.0 ** 2)) + 80 * np.exp(-r2 / (2 * 70.0 ** 2)) + 3
            out[b, k] = rng.poisson(lam)
    out.tofile(path)


def write_h5py(blocks_file, out, gib):
    data = blocks(blocks_file)
    shp = shape(gib)
    t0, c0 = time.perf_counter(), time.process_time()
    with h5py.File(out, 'w') as f:
        d = f.create_dataset('data', shp, '<u2', chunks=(1, CHUNK_FRAMES, FRAME, FRAME),
                             compression='gzip', compression_opts=4, shuffle=True)
        for c, iy, ix in chunk_offsets(shp):
            d[iy, ix:ix + CHUNK_FRAMES] = data[c % len(data)]
        f.flush()
        os.fsync(f.id.get_vfd_handle())  # the Ronchi writer syncs before its rename; be equal
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    nbytes = int(np.prod(shp)) * 2
    print(f'RESULT h5py shape={",".join(map(str, shp))} bytes={nbytes} seconds={seconds:.2f} '
          f'rate_mb_s={nbytes / seconds / 1e6:.1f} cpu_s={cpu:.1f} file_bytes={os.path.getsize(out)} h5py={h5py.__version__} '
          f'hdf5={h5py.version.hdf5_version}')


def check(blocks_file, path, gib):
    data = blocks(blocks_file)
    shp = shape(gib)
    with h5py.File(path, 'r') as f:
        d = f['data']
        assert d.shape == shp and d.dtype == np.uint16, (d.shape, d.dtype)
        assert d.chunks == (1, CHUNK_FRAMES, FRAME, FRAME) and d.compression == 'gzip' and d.shuffle
        n = shp[0] * (NX // CHUNK_FRAMES)
        assert d.id.get_num_chunks() == n, d.id.get_num_chunks()
        for c in sorted({0, 1, n // 2, n - 1}):
            iy, ix = c // (NX // CHUNK_FRAMES), c % (NX // CHUNK_FRAMES) * CHUNK_FRAMES
            np.testing.assert_array_equal(d[iy, ix:ix + CHUNK_FRAMES], data[c % len(data)], err_msg=str(c))
    print(f'h5py reads the Ronchi file: shape {shp}, {n} chunks, sampled chunks equal')


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    {'gen': gen, 'h5py': write_h5py, 'check': check}[cmd](*args)
