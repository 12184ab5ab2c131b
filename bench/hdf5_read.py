"""Helper of hdf5_read.sh: writes the test files with h5py and times h5py's reads of them.

    hdf5_read.py gen DIR FULL_GIB FRAMES_GIB     # contiguous.h5, chunked.h5, frames_1x8.h5, frames_4x4.h5
    hdf5_read.py full FILE REPEATS               # ds[()] and read_direct, best of REPEATS after a warm-up
    hdf5_read.py frames FILE COUNT SEED          # COUNT random frames ds[i, j] after open: p50/p95/max

Every file holds one uint16 dataset '/data' of shape (ny, 128, 256, 256). The frames are diffraction-like
(the blocks of hdf5_write.py: a wandering bright disk and halo with Poisson noise, ~40 % after deflate).
Chunked files are written with write_direct_chunk from a few pre-compressed chunks (zlib level 4, the
stream libhdf5's deflate filter writes), which makes a 4 GiB file in seconds instead of minutes.
"""
import os
import sys
import time
import zlib

import h5py
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hdf5_write import FRAME, NX, gen as gen_blocks  # noqa: E402

A, C, MASK = 6364136223846793005, 1442695040888963407, (1 << 64) - 1


def random_frames(n_frames, count, seed):
    """The same 64-bit LCG as ReadBench.java, so both sides read the same frames."""
    x, out = seed & MASK, []
    for _ in range(count):
        x = (x * A + C) & MASK
        out.append((x >> 33) % n_frames)
    return out


def shape(gib):
    frames = int(float(gib) * 2**30) // (FRAME * FRAME * 2)
    return (max(1, frames // NX), NX, FRAME, FRAME)


def pool(directory):
    path = os.path.join(directory, 'blocks.bin')
    if not os.path.exists(path):
        gen_blocks(path)
    return np.fromfile(path, dtype='<u2').reshape(-1, FRAME, FRAME)  # 128 frames


def write_chunked(path, shp, chunks, frames):
    per = chunks[0] * chunks[1]
    blobs = [zlib.compress(np.ascontiguousarray(frames[(k * per) % len(frames):][:per]).tobytes(), 4)
             for k in range(max(1, len(frames) // per))]
    with h5py.File(path, 'w') as f:
        d = f.create_dataset('data', shp, '<u2', chunks=chunks, compression='gzip', compression_opts=4)
        k = 0
        for i in range(0, shp[0], chunks[0]):
            for j in range(0, shp[1], chunks[1]):
                d.id.write_direct_chunk((i, j, 0, 0), blobs[k % len(blobs)])
                k += 1


def gen(directory, full_gib, frames_gib):
    frames = pool(directory)
    full = shape(full_gib)
    with h5py.File(os.path.join(directory, 'contiguous.h5'), 'w') as f:
        d = f.create_dataset('data', full, '<u2')
        for i in range(full[0]):
            d[i] = np.roll(frames, i, axis=0)[:NX]
    write_chunked(os.path.join(directory, 'chunked.h5'), full, (1, 8, FRAME, FRAME), frames)
    if float(frames_gib) > 0:
        big = shape(frames_gib)
        write_chunked(os.path.join(directory, 'frames_1x8.h5'), big, (1, 8, FRAME, FRAME), frames)
        write_chunked(os.path.join(directory, 'frames_4x4.h5'), big, (4, 4, FRAME, FRAME), frames)
    print('generated', full, shape(frames_gib) if float(frames_gib) > 0 else '')


def cpu_wall(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    r = fn()
    return time.perf_counter() - t0, time.process_time() - c0, r


def full(path, repeats):
    with h5py.File(path, 'r') as f:
        d = f['data']
        nbytes = d.size * d.dtype.itemsize
        checksum = int(d[()].sum(dtype=np.uint64))  # warm-up and the value both sides must agree on
        best = (1e9, 0)
        for _ in range(repeats):
            w, c, a = cpu_wall(lambda: d[()])
            del a
            best = min(best, (w, c))
        out = np.empty(d.shape, d.dtype)
        out.fill(0)  # touch the pages, as the Java side's preallocated target
        best_direct = (1e9, 0)
        for _ in range(repeats):
            w, c, _ = cpu_wall(lambda: d.read_direct(out))
            best_direct = min(best_direct, (w, c))
        layout = 'chunked' if d.chunks else 'contiguous'
    print(f'RESULT h5py full layout={layout} bytes={nbytes} seconds={best[0]:.3f} cpu_s={best[1]:.3f} '
          f'gb_s={nbytes / best[0] / 1e9:.2f} direct_seconds={best_direct[0]:.3f} checksum={checksum}')


def frames(path, count, seed):
    t0 = time.perf_counter()
    with h5py.File(path, 'r') as f:
        d = f['data']
        opened = time.perf_counter() - t0
        ny, nx = d.shape[:2]
        times, checksum = [], 0
        for k in random_frames(ny * nx, count, seed):
            t = time.perf_counter()
            a = d[k // nx, k % nx]
            times.append(time.perf_counter() - t)
            checksum += int(a.sum(dtype=np.uint64))
    ms = np.array(times) * 1e3
    print(f'RESULT h5py frames chunks={"x".join(map(str, d.chunks))} count={count} open_ms={opened * 1e3:.1f} '
          f'first_ms={ms[0]:.1f} p50_ms={np.percentile(ms, 50):.2f} p95_ms={np.percentile(ms, 95):.2f} '
          f'max_ms={ms.max():.1f} checksum={checksum}')


if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == 'gen':
        gen(args[0], args[1], args[2])
    elif cmd == 'full':
        full(args[0], int(args[1]))
    elif cmd == 'frames':
        frames(args[0], int(args[1]), int(args[2]))
    else:
        sys.exit('unknown command ' + cmd)
