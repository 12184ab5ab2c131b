"""Bragg disk detection in NumPy/SciPy: py4DSTEM 0.14's find_Bragg_disks for one pattern, written out
(py4DSTEM is not packaged in Debian), as the reference of bench/bragg.sh and of Ronchi's tests of the
same functions (tests/org.ronchi.processing.diffraction.tests, through -Dronchi.repo).

Followed line by line: process/diskdetection/diskdetection.py (_find_Bragg_disks_single,
get_cross_correlation_FT), process/utils/get_maxima_2D.py (get_maxima_2D, filter_2D_maxima,
linear_interpolation_2D) and process/utils/multicorr.py (upsampled_correlation, dftUpsample).

    bragg_numpy.py find DATA TEMPLATE.npy OUT.txt [key=value...]
        finds the peaks of every pattern of DATA (a .npy (N, nx, ny), or an HDF5 file's /data (scan, scan, nx, ny))
        with TEMPLATE (nx, ny) and writes one line per peak: pattern qx qy intensity
    bragg_numpy.py bench DATA TEMPLATE.npy PROCESSES [key=value...]
        times it (all patterns, split over PROCESSES worker processes, loaded before the clock starts) and
        prints RESULT numpy ... with the peak count and the sum of their coordinates
"""
import sys
import time

import numpy as np
from scipy.ndimage import gaussian_filter

DEFAULTS = dict(corrPower=1.0, sigma_dp=0.0, sigma_cc=2.0, subpixel='multicorr', upsample_factor=16, minAbsoluteIntensity=0.0,
                minRelativeIntensity=0.005, relativeToPeak=0, minPeakSpacing=60.0, edgeBoundary=20, maxNumPeaks=70)

PEAK = np.dtype([('qx', float), ('qy', float), ('intensity', float)])


def get_cross_correlation_FT(ar, template_FT, corrPower=1, returnval='cc'):
    m = np.fft.fft2(ar) * template_FT
    if corrPower != 1:
        cc = np.abs(m) ** corrPower * np.exp(1j * np.angle(m))
    else:
        cc = m
    if returnval == 'cc':
        cc = np.maximum(np.real(np.fft.ifft2(cc)), 0)
    return cc


def linear_interpolation_2D(ar, x, y):
    x0, x1 = int(np.floor(x)), int(np.ceil(x))
    y0, y1 = int(np.floor(y)), int(np.ceil(y))
    dx = x - x0
    dy = y - y0
    return (1 - dx) * (1 - dy) * ar[x0, y0] + (1 - dx) * dy * ar[x0, y1] + dx * (1 - dy) * ar[x1, y0] + dx * dy * ar[x1, y1]


def filter_2D_maxima(maxima, minAbsoluteIntensity=0, minRelativeIntensity=0, relativeToPeak=0, minSpacing=0, edgeBoundary=1,
                     maxNumPeaks=1):
    if minAbsoluteIntensity > 0:
        deletemask = maxima['intensity'] < minAbsoluteIntensity
        maxima = maxima[~deletemask]
    if (minRelativeIntensity > 0) & (len(maxima) > relativeToPeak):
        deletemask = maxima['intensity'] / maxima['intensity'][relativeToPeak] < minRelativeIntensity
        maxima = maxima[~deletemask]
    if minSpacing > 0:
        deletemask = np.zeros(len(maxima), dtype=bool)
        for i in range(len(maxima)):
            if not deletemask[i]:
                tooClose = ((maxima['x'] - maxima['x'][i]) ** 2 + (maxima['y'] - maxima['y'][i]) ** 2) < minSpacing ** 2
                tooClose[:i + 1] = False
                deletemask[tooClose] = True
        maxima = maxima[~deletemask]
    if maxNumPeaks is not None and len(maxima) > maxNumPeaks:
        maxima = maxima[:maxNumPeaks]
    return maxima


def dftUpsample(imageCorr, upsampleFactor, xyShift):
    imageSize = imageCorr.shape
    pixelRadius = 1.5
    numRow = np.ceil(pixelRadius * upsampleFactor)
    numCol = numRow
    colKern = np.exp((-1j * 2 * np.pi / (imageSize[1] * upsampleFactor))
                     * np.outer((np.fft.ifftshift(np.arange(imageSize[1])) - np.floor(imageSize[1] / 2)), (np.arange(numCol) - xyShift[1])))
    rowKern = np.exp((-1j * 2 * np.pi / (imageSize[0] * upsampleFactor))
                     * np.outer((np.arange(numRow) - xyShift[0]), (np.fft.ifftshift(np.arange(imageSize[0])) - np.floor(imageSize[0] / 2))))
    return np.real(rowKern @ imageCorr @ colKern)


def upsampled_correlation(imageCorr, upsampleFactor, xyShift):
    xyShift[0] = np.round(xyShift[0] * upsampleFactor) / upsampleFactor
    xyShift[1] = np.round(xyShift[1] * upsampleFactor) / upsampleFactor
    globalShift = np.fix(np.ceil(upsampleFactor * 1.5) / 2)
    upsampleCenter = globalShift - upsampleFactor * xyShift
    imageCorrUpsample = np.conj(dftUpsample(np.conj(imageCorr), upsampleFactor, upsampleCenter)).real
    xySubShift = np.unravel_index(imageCorrUpsample.argmax(), imageCorrUpsample.shape)
    try:
        icc = np.real(imageCorrUpsample[xySubShift[0] - 1:xySubShift[0] + 2, xySubShift[1] - 1:xySubShift[1] + 2])
        dx = (icc[2, 1] - icc[0, 1]) / (4 * icc[1, 1] - 2 * icc[2, 1] - 2 * icc[0, 1])
        dy = (icc[1, 2] - icc[1, 0]) / (4 * icc[1, 1] - 2 * icc[1, 2] - 2 * icc[1, 0])
    except IndexError:
        dx, dy = 0, 0
    xySubShift = np.array(xySubShift) - globalShift
    return xyShift + (xySubShift + np.array([dx, dy])) / upsampleFactor


def get_maxima_2D(ar, subpixel='poly', upsample_factor=16, sigma=0, minAbsoluteIntensity=0, minRelativeIntensity=0, relativeToPeak=0,
                  minSpacing=0, edgeBoundary=1, maxNumPeaks=1, _ar_FT=None):
    if sigma > 0:
        ar = gaussian_filter(ar, sigma)
    maxima_bool = (ar >= np.roll(ar, (-1, 0), axis=(0, 1))) & (ar > np.roll(ar, (1, 0), axis=(0, 1))) & \
                  (ar >= np.roll(ar, (0, -1), axis=(0, 1))) & (ar > np.roll(ar, (0, 1), axis=(0, 1))) & \
                  (ar >= np.roll(ar, (-1, -1), axis=(0, 1))) & (ar > np.roll(ar, (-1, 1), axis=(0, 1))) & \
                  (ar >= np.roll(ar, (1, -1), axis=(0, 1))) & (ar > np.roll(ar, (1, 1), axis=(0, 1)))
    if edgeBoundary < 1:
        edgeBoundary = 1
    maxima_bool[:edgeBoundary, :] = False
    maxima_bool[-edgeBoundary:, :] = False
    maxima_bool[:, :edgeBoundary] = False
    maxima_bool[:, -edgeBoundary:] = False
    maxima_x, maxima_y = np.nonzero(maxima_bool)
    maxima = np.zeros(len(maxima_x), dtype=np.dtype([('x', float), ('y', float), ('intensity', float)]))
    maxima['x'] = maxima_x
    maxima['y'] = maxima_y
    maxima['intensity'] = ar[maxima_x, maxima_y]
    maxima = np.sort(maxima, order='intensity')[::-1]
    if len(maxima) == 0:
        return maxima
    maxima = filter_2D_maxima(maxima, minAbsoluteIntensity, minRelativeIntensity, relativeToPeak, minSpacing, edgeBoundary, maxNumPeaks)
    if subpixel == 'pixel':
        return maxima
    for i in range(len(maxima)):
        x, y = int(maxima['x'][i]), int(maxima['y'][i])
        Ix1_, Ix0, Ix1 = float(ar[x - 1, y]), float(ar[x, y]), float(ar[x + 1, y])
        Iy1_, Iy0, Iy1 = float(ar[x, y - 1]), float(ar[x, y]), float(ar[x, y + 1])
        maxima['x'][i] += (Ix1 - Ix1_) / (4 * Ix0 - 2 * Ix1 - 2 * Ix1_)
        maxima['y'][i] += (Iy1 - Iy1_) / (4 * Iy0 - 2 * Iy1 - 2 * Iy1_)
        maxima['intensity'][i] = linear_interpolation_2D(ar, maxima['x'][i], maxima['y'][i])
    if subpixel == 'poly':
        return maxima
    for ipeak in range(len(maxima['x'])):
        xyShift = np.array((maxima['x'][ipeak], maxima['y'][ipeak]))
        xyShift[0] = np.round(xyShift[0] * 2) / 2
        xyShift[1] = np.round(xyShift[1] * 2) / 2
        subShift = upsampled_correlation(_ar_FT, upsample_factor, xyShift)
        maxima['x'][ipeak] = subShift[0]
        maxima['y'][ipeak] = subShift[1]
    return np.sort(maxima, order='intensity')[::-1]


def find_Bragg_disks_single(DP, template_FT, corrPower=1, sigma_dp=0, sigma_cc=2, subpixel='multicorr', upsample_factor=16,
                            minAbsoluteIntensity=0, minRelativeIntensity=0.005, relativeToPeak=0, minPeakSpacing=60, edgeBoundary=20,
                            maxNumPeaks=70):
    """py4DSTEM's _find_Bragg_disks_single with a real-space template given as conj(fft2(template))."""
    if sigma_dp != 0:
        DP = gaussian_filter(DP, sigma_dp)
    if subpixel in ('none', 'pixel', 'poly'):
        cc = get_cross_correlation_FT(DP, template_FT, corrPower, 'cc')
        ccc = None
    else:
        ccc = get_cross_correlation_FT(DP, template_FT, corrPower, 'fourier')
        cc = np.maximum(np.real(np.fft.ifft2(ccc)), 0)
    maxima = get_maxima_2D(np.maximum(cc, 0), subpixel='pixel' if subpixel == 'none' else subpixel, upsample_factor=upsample_factor,
                           sigma=sigma_cc, minAbsoluteIntensity=minAbsoluteIntensity, minRelativeIntensity=minRelativeIntensity,
                           relativeToPeak=relativeToPeak, minSpacing=minPeakSpacing, edgeBoundary=edgeBoundary, maxNumPeaks=maxNumPeaks,
                           _ar_FT=ccc)
    out = np.zeros(len(maxima), dtype=PEAK)
    out['qx'], out['qy'], out['intensity'] = maxima['x'], maxima['y'], maxima['intensity']
    return out


def parse(args):
    p = dict(DEFAULTS)
    for a in args:
        k, v = a.split('=', 1)
        p[k] = type(DEFAULTS[k])(v) if not isinstance(DEFAULTS[k], str) else v
    return p


def load(path, start=None, stop=None):
    """Patterns [start, stop) of a .npy (N, nx, ny) or of an HDF5 file's /data (scan, scan, nx, ny), in memory as float64."""
    if path.endswith('.npy'):
        d = np.load(path, mmap_mode='r')
    else:
        import h5py
        d = h5py.File(path, 'r')['data']
        d = d[...].reshape((-1,) + d.shape[-2:])
    return np.asarray(d[start:stop], dtype=np.float64)


def count(path):
    if path.endswith('.npy'):
        return np.load(path, mmap_mode='r').shape[0]
    import h5py
    s = h5py.File(path, 'r')['data'].shape
    return int(np.prod(s[:-2]))


def _chunk(job):
    path, template_FT, start, stop, p = job
    data = load(path, start, stop)
    t0, c0 = time.perf_counter(), time.process_time()
    n = [0, 0.0]
    for i in range(len(data)):
        q = find_Bragg_disks_single(data[i], template_FT, **p)
        n[0] += len(q)
        n[1] += float(q['qx'].sum() + q['qy'].sum())
    return n[0], n[1], time.perf_counter() - t0, time.process_time() - c0


def main():
    mode, data_path, template_path = sys.argv[1:4]
    template_FT = np.conj(np.fft.fft2(np.load(template_path)))
    if mode == 'find':
        p = parse(sys.argv[5:])
        data = load(data_path)
        with open(sys.argv[4], 'w') as out:
            for i in range(data.shape[0]):
                for q in find_Bragg_disks_single(np.asarray(data[i], dtype=np.float64), template_FT, **p):
                    out.write(f"{i} {q['qx']!r} {q['qy']!r} {q['intensity']!r}\n")
    elif mode == 'bench':
        processes = int(sys.argv[4])
        p = parse(sys.argv[5:])
        n = count(data_path)
        bounds = np.linspace(0, n, processes + 1).astype(int)
        jobs = [(data_path, template_FT, bounds[k], bounds[k + 1], p) for k in range(processes)]
        if processes == 1:
            parts = [_chunk(jobs[0])]
        else:
            from multiprocessing import Pool
            with Pool(processes) as pool:
                parts = pool.map(_chunk, jobs)
        # the patterns are loaded before the clock starts: only the detection is timed, in each worker
        t = max(r[2] for r in parts)
        cpu = sum(r[3] for r in parts)
        print(f"RESULT numpy processes={processes} frames={n} seconds={t:.3f} cpu={cpu:.3f} fps={n / t:.2f} "
              f"peaks={sum(r[0] for r in parts)} checksum={sum(r[1] for r in parts):.6f}")
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main()
