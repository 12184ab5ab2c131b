"""NumPy side of bench/svd.sh: generate a float32 spectrum image, and time numpy.linalg.svd on it.

    svd.py gen FILE NY NX CHANNELS     writes /data (NY, NX, CHANNELS) float32, contiguous: 6 spectral
                                       components (Gaussian peaks on a falling background) mixed by smooth
                                       maps, Poisson noise
    svd.py numpy FILE K                loads it as the (NY*NX, CHANNELS) matrix, times
                                       np.linalg.svd(x, full_matrices=False) and prints RESULT numpy ... and
                                       the first K singular values
"""
import os
import sys
import time

import h5py
import numpy as np


def gen(path, ny, nx, channels):
    rng = np.random.default_rng(7)
    e = np.arange(channels) / channels
    comps = []
    for c in range(6):
        spec = 20 * np.exp(-e * (3 + c))
        for p in rng.uniform(0.05, 0.95, 3):
            spec += rng.uniform(5, 40) * np.exp(-0.5 * ((e - p) / rng.uniform(0.002, 0.01)) ** 2)
        comps.append(spec)
    comps = np.array(comps)
    yy, xx = np.mgrid[0:ny, 0:nx] / max(ny, nx)
    maps = np.array([0.5 + 0.5 * np.sin(2 * np.pi * (f1 * yy + f2 * xx) + ph) for f1, f2, ph in rng.uniform(0.5, 3, (6, 3))])
    with h5py.File(path + '.tmp', 'w') as f:
        d = f.create_dataset('data', shape=(ny, nx, channels), dtype='<f4')
        for y in range(ny):
            mean = np.tensordot(maps[:, y, :], comps, axes=([0], [0]))
            d[y] = rng.poisson(mean).astype('<f4')
    os.replace(path + '.tmp', path)


def bench(path, k):
    with h5py.File(path, 'r') as f:
        x = f['data'][...]
    x = x.reshape(-1, x.shape[-1])
    t0, c0 = time.perf_counter(), time.process_time()
    s = np.linalg.svd(x, full_matrices=False, compute_uv=True)[1]
    t, c = time.perf_counter() - t0, time.process_time() - c0
    print(f"RESULT numpy seconds={t:.3f} cpu={c:.3f} bytes={x.nbytes} dtype={x.dtype}")
    print("VALUES " + " ".join(repr(float(v)) for v in s[:k]))


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        gen(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    elif sys.argv[1] == 'numpy':
        bench(sys.argv[2], int(sys.argv[3]))
    else:
        raise SystemExit(__doc__)
