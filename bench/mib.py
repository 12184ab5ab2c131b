"""NumPy side of bench/mib.sh: write a Merlin .mib (U16 frames, a 384-byte header each) and time
np.memmap with a header+frame record dtype + tensordot with the masks of vdet.py for BF+ADF.

    mib.py gen FILE SCAN DET        writes SCAN x SCAN frames of DET x DET big-endian u16 (+ FILE's .hdr)
    mib.py numpy FILE SCAN          prints RESULT numpy seconds=... cpu=... bytes=... and the BF/ADF sums
"""
import os
import sys
import time

import numpy as np

from vdet import masks

HEADER = 384


def header(seq, det):
    text = (f"MQ1,{seq:06d},{HEADER:05d},01,{det:04d},{det:04d},U16,   1x1,01,2021-05-07 18:51:10.905800,0.001000,0,0,0,"
            "4.000000E+1,5.110000E+2,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,0.000000E+0,"
            "3RX,068,511,000,000,000,000,000,000,100,255,100,125,100,100,080,100,090,030,128,004,255,126,128,174,172,511,511,"
            f"MQ1A,2021-05-07T16:51:10.{seq:09d}Z,1000000ns,12,")
    return text.encode('ascii').ljust(HEADER, b'\0')


def record(det):
    return np.dtype([('header', f'S{HEADER}'), ('data', '>u2', (det, det))])


def gen(path, scan, det):
    rng = np.random.default_rng(1)
    yy, xx = np.mgrid[0:det, 0:det]
    rows = []
    for y in range(16):  # 16 distinct scan rows, cycled: a moving bright disk, a halo, Poisson noise
        cy = det / 2 + 3 * np.sin(y / 5)
        cx = det / 2 + 3 * np.cos(np.arange(scan)[:, None, None] / 7)
        r2 = (yy[None] - cy) ** 2 + (xx[None] - cx) ** 2
        mean = np.where(r2 < (det / 8) ** 2, 200.0, 2.0 + 30.0 * np.exp(-r2 / (det / 3) ** 2))
        rows.append(rng.poisson(mean).astype('>u2'))
    with open(path + '.tmp', 'wb') as f:
        rec = np.zeros(scan, dtype=record(det))
        for y in range(scan):
            rec['header'] = [header(y * scan + x + 1, det) for x in range(scan)]
            rec['data'] = rows[y % 16]
            rec.tofile(f)
    with open(path[:-4] + '.hdr', 'w') as f:
        f.write(f"HDR,\t\nFrames in Acquisition (Number):\t{scan * scan}\nFrames per Trigger (Number):\t{scan}\nCounter Depth (number):\t12\nEnd\t")
    os.replace(path + '.tmp', path)


def bench(path, scan):
    mm = np.memmap(path, dtype=None, mode='r')
    det = int(bytes(mm[:64]).split(b',')[4])
    d = np.memmap(path, dtype=record(det), mode='r')['data']
    # RosettaSciIO's orientation (rows reversed): the masks are flipped instead of the data
    m = masks(det, det)[:, ::-1, :]
    n = d.shape[0]
    frames = max(1, (128 << 20) // (det * det * 2))  # 128 MiB per block, as vdet.py reads
    out = np.zeros((2, n))
    t0, c0 = time.perf_counter(), time.process_time()
    for k in range(0, n, frames):
        out[:, k:k + frames] = np.tensordot(m, d[k:k + frames], axes=([1, 2], [1, 2]))
    t, c = time.perf_counter() - t0, time.process_time() - c0
    nbytes = n * det * det * 2
    print(f"RESULT numpy seconds={t:.3f} cpu={c:.3f} bytes={nbytes} gbps={nbytes / t / 1e9:.3f} bf_sum={out[0].sum():.1f} adf_sum={out[1].sum():.1f}")


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        gen(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        bench(sys.argv[2], int(sys.argv[3]))
