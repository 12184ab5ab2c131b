"""NumPy side of bench/vdet.sh: generate the uint16 datacube, and time h5py read + tensordot for BF+ADF.

    vdet.py gen FILE SCAN DET       writes /data (SCAN, SCAN, DET, DET) uint16, contiguous
    vdet.py numpy FILE              prints RESULT numpy seconds=... cpu=... bytes=... and the BF/ADF sums
"""
import sys, time, os
import numpy as np
import h5py


def masks(ny, nx):
    cy, cx = (ny - 1) / 2, (nx - 1) / 2
    m = min(ny, nx)
    yy, xx = np.mgrid[0:ny, 0:nx]
    d2 = (yy - cy) ** 2 + (xx - cx) ** 2
    bf = d2 <= (m / 8) ** 2
    adf = (d2 >= (m / 4) ** 2) & (d2 <= (m / 2) ** 2)
    return np.stack([bf, adf]).astype(np.float32)


def gen(path, scan, det):
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:det, 0:det]
    with h5py.File(path + '.tmp', 'w') as f:
        d = f.create_dataset('data', shape=(scan, scan, det, det), dtype='<u2')
        for y in range(scan):
            # a bright disk that moves along the row, a diffuse halo, Poisson noise: 16 distinct rows reused
            cy = det / 2 + 3 * np.sin(y / 5)
            cx = det / 2 + 3 * np.cos(np.arange(scan)[:, None, None] / 7)
            r2 = (yy[None] - cy) ** 2 + (xx[None] - cx) ** 2
            mean = np.where(r2 < (det / 8) ** 2, 200.0, 2.0 + 30.0 * np.exp(-r2 / (det / 3) ** 2))
            d[y] = rng.poisson(mean).astype('<u2')
    os.replace(path + '.tmp', path)


def bench(path):
    f = h5py.File(path, 'r')
    d = f['data']
    scan_y, scan_x, ny, nx = d.shape
    m = masks(ny, nx)
    rows = max(1, (128 << 20) // (scan_x * ny * nx * 2))  # 128 MiB per read
    out = np.zeros((2, scan_y, scan_x))
    t0, c0 = time.perf_counter(), time.process_time()
    for y in range(0, scan_y, rows):
        block = d[y:y + rows]
        out[:, y:y + rows] = np.tensordot(m, block, axes=([1, 2], [2, 3]))
    t, c = time.perf_counter() - t0, time.process_time() - c0
    nbytes = d.size * 2
    print(f"RESULT numpy seconds={t:.3f} cpu={c:.3f} bytes={nbytes} gbps={nbytes / t / 1e9:.3f} bf_sum={out[0].sum():.1f} adf_sum={out[1].sum():.1f}")


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        gen(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        bench(sys.argv[2])
