"""Arina benchmark, h5py side (Debian's python3-h5py + hdf5-filter-plugin): see bench/arina.sh.

  arina.py gen OUT GIB DTYPE    write OUT/bench_master.h5, bench_data_NNNNNN.h5 (1000 frames each,
                                bitshuffle + LZ4 chunks of one 192 x 192 frame) and the sidecar bench.h5
  arina.py read MASTER REPEATS  decode every frame through the master's external links (the C plugin)
"""
import hashlib
import math
import sys
import time

import h5py
import numpy as np

FRAME = (192, 192)
PER_FILE = 1000


def gen(out, gib, dtype):
    dtype = np.dtype(dtype)
    frames = int(gib * 2**30) // (FRAME[0] * FRAME[1] * dtype.itemsize)
    side = max(1, int(math.isqrt(frames)))
    n = side * side
    rng = np.random.default_rng(2026)
    yy, xx = np.mgrid[:FRAME[0], :FRAME[1]]
    disc = ((yy - 96) ** 2 + (xx - 96) ** 2 < 24 ** 2)
    files = []
    for k, a in enumerate(range(0, n, PER_FILE), start=1):
        m = min(PER_FILE, n - a)
        # a counting detector's frame: sparse background, a bright disc that moves a little, a hot pixel
        block = rng.poisson(0.05, (m,) + FRAME).astype(dtype)
        block[:, disc] += rng.poisson(20, (m, int(disc.sum()))).astype(dtype)
        block[:, 10, 150] = np.arange(a, a + m, dtype=np.uint64).astype(dtype)
        fn = f'bench_data_{k:06d}.h5'
        with h5py.File(f'{out}/{fn}', 'w') as f:
            f.create_dataset('entry/data/data', data=block, chunks=(1,) + FRAME, compression=32008, compression_opts=(0, 2))
        files.append(fn)
    with h5py.File(f'{out}/bench_master.h5', 'w') as f:
        e = f.create_group('entry')
        e.attrs['NX_class'] = 'NXentry'
        d = e.create_group('data')
        d.attrs['NX_class'] = 'NXdata'
        for k, fn in enumerate(files, start=1):
            d[f'data_{k:06d}'] = h5py.ExternalLink(fn, '/entry/data/data')
        s = f.create_group('entry/instrument/detector/detectorSpecific')
        s['ntrigger'] = np.uint64(n)
        s['nimages'] = np.uint64(1)
        s['compression'] = np.bytes_('bslz4')
        f['entry/instrument/detector/bit_depth_image'] = np.uint16(dtype.itemsize * 8)
    with h5py.File(f'{out}/bench.h5', 'w') as f:
        g = f.create_group('STEM Metadata')
        g.attrs['NumPixelsX'] = side
        g.attrs['NumPixelsY'] = side
    print(f'generated {n} frames ({side} x {side}) of {FRAME} {dtype.name} in {len(files)} data files')


def cpu_wall(fn):
    c0, t0 = time.process_time(), time.perf_counter()
    fn()
    return time.perf_counter() - t0, time.process_time() - c0


def read(master, repeats):
    with h5py.File(master, 'r') as f:
        blocks = [f['entry/data'][name] for name in sorted(f['entry/data'])]
        n = sum(b.shape[0] for b in blocks)
        out = np.zeros((n,) + blocks[0].shape[1:], blocks[0].dtype)  # touched, as the Java side's target

        def all_frames():
            a = 0
            for b in blocks:
                b.read_direct(out, dest_sel=np.s_[a:a + b.shape[0]])
                a += b.shape[0]

        all_frames()  # warm-up: opens the data files, as the Java side's first read
        best = (1e9, 0)
        for _ in range(repeats):
            best = min(best, cpu_wall(all_frames))
    sha = hashlib.sha256(memoryview(out).cast('B')).hexdigest()
    print(f'RESULT h5py bytes={out.nbytes} seconds={best[0]:.3f} cpu_s={best[1]:.3f} gb_s={out.nbytes / best[0] / 1e9:.2f} sha256={sha}')


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        gen(sys.argv[2], float(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == 'read':
        read(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(f'unsupported mode: {sys.argv[1]}')
