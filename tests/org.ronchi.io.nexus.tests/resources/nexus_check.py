# Checks a NeXus file Ronchi wrote the way DAWN and HyperSpy 1.7.3 read it. Usage: nexus_check.py FILE
# h5py: the root's default leads to an NXentry whose default is an NXdata; every NXdata has NX_class as a
# byte string (HyperSpy compares with b"NXdata"), @signal naming a field, @axes with one entry per
# dimension, each named axis a field of one value per position with its @NAME_indices; an NXprocess
# names Ronchi. HyperSpy: hs.load(FILE, nxdata_only=True) gives one signal per NXdata, with that data.
# Prints one JSON line per NXdata: {"path", "shape", "dtype", "axes": [name or "."], "hyperspy":
# {"title", "shape", "dtype", "navigate": [...], "axes": [{"name", "scale", "offset", "units"}]}}.
import json
import sys
import h5py
import numpy as np
import hyperspy.api as hs
import traits.api as t

path = sys.argv[1]
f = h5py.File(path, 'r')
entry = f[f.attrs['default']]
assert entry.attrs['NX_class'] == b'NXentry', entry.attrs['NX_class']
assert entry[entry.attrs['default']].attrs['NX_class'] == b'NXdata'
found = []


def visit(name, obj):
    if isinstance(obj, h5py.Group) and obj.attrs.get('NX_class') == b'NXdata':
        found.append(name)


f.visititems(visit)
processes = []
f.visititems(lambda n, o: processes.append(n) if isinstance(o, h5py.Group) and o.attrs.get('NX_class') == b'NXprocess' else None)
assert processes and all(f[p]['program'][()].decode() == 'Ronchi' for p in processes), processes
signals = hs.load(path, nxdata_only=True)
signals = signals if isinstance(signals, list) else [signals]
assert len(signals) == len(found), (len(signals), found)
for name, s in zip(sorted(found), signals):
    g = f[name]
    data = g[g.attrs['signal']]
    axes = [a.decode() for a in g.attrs['axes']]
    assert len(axes) == data.ndim, axes
    for i, a in enumerate(axes):
        if a != '.':
            assert int(g.attrs[a + '_indices']) == i
            assert g[a].shape == (data.shape[i],), (a, g[a].shape)
    assert np.array_equal(np.asarray(s.data), data[()], equal_nan=data.dtype.kind in 'fc'), name
    hsaxes = [{'name': '' if x.name is t.Undefined else x.name, 'scale': float(x.scale), 'offset': float(x.offset),
               'units': '' if x.units is t.Undefined else x.units} for x in s.axes_manager._axes]
    print(json.dumps({'path': '/' + name, 'shape': list(data.shape), 'dtype': str(data.dtype), 'axes': axes,
                      'hyperspy': {'title': s.metadata.General.title, 'shape': list(s.data.shape), 'dtype': str(s.data.dtype),
                                   'navigate': [x.navigate for x in s.axes_manager._axes], 'axes': hsaxes}}))
