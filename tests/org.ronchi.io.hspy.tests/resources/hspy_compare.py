# Compares two files as HyperSpy 1.7.3 reads them: every signal's data (values and dtype), axes (name,
# units, size, navigate, uniform with scale/offset or the axis values), metadata and original metadata
# (whole trees), and decomposition results. Usage: hspy_compare.py REFERENCE CANDIDATE
# Prints "OK n" (n signals compared) or the first difference, and exits 1 on a difference.
import sys
import numpy as np
import hyperspy.api as hs
import traits.api as t


def signals(path):
    s = hs.load(path)
    return s if isinstance(s, list) else [s]


def same(a, b, where):
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            raise AssertionError(f"{where}: keys {sorted(set(a) ^ set(b))} differ")
        for k in a:
            same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        if type(a) != type(b) or len(a) != len(b):
            raise AssertionError(f"{where}: {a!r} != {b!r}")
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        if not (np.shape(a) == np.shape(b) and np.array_equal(np.asarray(a), np.asarray(b))):
            raise AssertionError(f"{where}: arrays differ: {a!r} != {b!r}")
    elif hasattr(a, 'as_dictionary') or hasattr(b, 'as_dictionary'):
        same(a.as_dictionary(), b.as_dictionary(), where)
    elif isinstance(a, hs.signals.BaseSignal) or isinstance(b, hs.signals.BaseSignal):
        compare_signal(a, b, where)
    elif a != b and not (isinstance(a, float) and isinstance(b, float) and np.isnan(a) and np.isnan(b)):
        raise AssertionError(f"{where}: {a!r} != {b!r}")


def axis(a):
    d = {'name': a.name, 'units': a.units, 'size': a.size, 'navigate': a.navigate, 'uniform': a.is_uniform}
    if a.is_uniform:
        d.update(scale=a.scale, offset=a.offset)
    else:
        d['axis'] = list(a.axis)
    return d


def metadata(s):
    """The metadata without General.FileIO: HyperSpy adds an entry to it on every load."""
    d = s.metadata.as_dictionary()
    d.get('General', {}).pop('FileIO', None)
    return d


def compare_signal(a, b, where):
    if a.data.dtype != b.data.dtype or a.data.shape != b.data.shape:
        raise AssertionError(f"{where}: data {a.data.dtype}{a.data.shape} != {b.data.dtype}{b.data.shape}")
    if a.data.dtype == object:  # ragged: one array per position
        for i in np.ndindex(a.data.shape):
            if not np.array_equal(a.data[i], b.data[i]) or a.data[i].shape != b.data[i].shape:
                raise AssertionError(f"{where}: ragged element {i} differs: {a.data[i]!r} != {b.data[i]!r}")
    elif not np.array_equal(np.asarray(a.data), np.asarray(b.data), equal_nan=a.data.dtype.kind in 'fc'):
        raise AssertionError(f"{where}: data values differ")
    same([axis(x) for x in a.axes_manager._axes], [axis(x) for x in b.axes_manager._axes], where + ".axes")
    same(metadata(a), metadata(b), where + ".metadata")
    same(a.original_metadata.as_dictionary(), b.original_metadata.as_dictionary(), where + ".original_metadata")
    la, lb = a.learning_results, b.learning_results
    for k in ('factors', 'loadings', 'explained_variance', 'decomposition_algorithm'):
        same(getattr(la, k, None), getattr(lb, k, None), f"{where}.learning_results.{k}")


ref, cand = signals(sys.argv[1]), signals(sys.argv[2])
try:
    if len(ref) != len(cand):
        raise AssertionError(f"{len(ref)} signals != {len(cand)}")
    for i, (a, b) in enumerate(zip(ref, cand)):
        compare_signal(a, b, f"signal {i}")
except AssertionError as e:
    print(f"DIFFERENT {e}")
    sys.exit(1)
print(f"OK {len(ref)}")
