# Writes an EMD 1.0 file the way emdfile lays one out (emdfile itself is not installed here): a root
# with a Calibration and a Metadata holding every value type, a stack Array with slice labels and a
# non-linear dim, a nested Array, a PointList, a PointListArray (variable-length records) and a
# custom node. Usage: emd1_fixture.py OUT
import sys, h5py, numpy as np

S = h5py.string_dtype()
f = h5py.File(sys.argv[1], 'w')
f.attrs['emd_group_type'] = 'file'
f.attrs['version_major'] = 1
f.attrs['version_minor'] = 0
f.attrs['authoring_program'] = 'emdfile'
f.attrs['authoring_user'] = 'tester'

def node(parent, name, t, cls):
    g = parent.create_group(name)
    g.attrs['emd_group_type'] = t
    g.attrs['python_class'] = cls
    return g

def value(g, k, v, t):
    d = g.create_dataset(k, data=v)
    d.attrs['type'] = t
    return d

def grouped(g, k, items, t):
    sub = g.create_group(k)
    sub.attrs['type'] = t
    sub.attrs['length'] = len(items)
    for i, x in enumerate(items):
        sub.create_dataset(str(i), data=x)

root = node(f, 'experiment', 'root', 'Root')
bundle = root.create_group('metadatabundle')
bundle.attrs['emd_group_type'] = 'metadatabundle'
cal = node(bundle, 'calibration', 'metadata', 'Calibration')
value(cal, 'Q_pixel_size', 0.5, 'number')
value(cal, 'Q_pixel_units', np.array(b'A^-1', dtype=h5py.string_dtype('ascii')), 'string')
value(cal, 'R_pixel_size', 2.0, 'number')
value(cal, 'R_pixel_units', np.array(b'nm', dtype=h5py.string_dtype('ascii')), 'string')
value(cal, 'QR_flip', True, 'bool')
value(cal, 'origin', np.arange(6.0).reshape(2, 3), 'array')
grouped(cal, '_target_paths', [np.string_('/stack'), np.string_('/pl')], 'list_of_strings')
md = node(bundle, 'params', 'metadata', 'Metadata')
value(md, 'nothing', np.string_('_None'), 'None')
value(md, 'count', 7, 'number')
value(md, 'tup', (1.0, 2.0, 3.0), 'tuple')
grouped(md, 'tot', [np.array(1), np.array([2, 3])], 'tuple_of_tuples')
grouped(md, 'toa', [np.arange(3), np.ones((2, 2))], 'tuple_of_arrays')
grouped(md, 'tos', [np.string_('x'), np.string_('yz')], 'tuple_of_strings')
value(md, 'lst', [1.5, 2.5], 'list')
grouped(md, 'loa', [np.zeros(2)], 'list_of_arrays')
grouped(md, 'los', [np.string_('only')], 'list_of_strings')

stack = node(root, 'stack', 'array', 'RealSlice')
d = stack.create_dataset('data', data=np.arange(40, dtype='float32').reshape(4, 5, 2))
d.attrs['units'] = 'counts'
for i, (name, units, vec) in enumerate([('Rx', 'nm', [0.0, 0.25]), ('Ry', 'nm', [0.0, 1.0, 4.0, 9.0, 16.0])]):
    dd = stack.create_dataset('dim%d' % i, data=np.array(vec))
    dd.attrs['name'] = name
    dd.attrs['units'] = units
lab = stack.create_dataset('dim2', data=[b'bright', b'dark'])
lab.attrs['name'] = '_labels_'

inner = node(stack, 'virtual', 'array', 'VirtualImage')
d = inner.create_dataset('data', data=np.arange(6, dtype='int16').reshape(2, 3))
d.attrs['units'] = ''
for i, n in enumerate([2, 3]):
    dd = inner.create_dataset('dim%d' % i, data=np.array([0, 1]))
    dd.attrs['name'] = 'dim%d' % i
    dd.attrs['units'] = 'pixels'
ib = inner.create_group('metadatabundle')
ib.attrs['emd_group_type'] = 'metadatabundle'
im = node(ib, 'virtual_image_params', 'metadata', 'Metadata')
value(im, 'mode', np.string_('annulus'), 'string')

pl = node(root, 'pl', 'pointlist', 'PointList')
for name, t in [('qx', 'float64'), ('qy', 'float64'), ('intensity', 'float32')]:
    dd = pl.create_dataset(name, data=np.arange(6).astype(t) * (2 if name == 'qy' else 1))
    dd.attrs['dtype'] = np.string_(t)

dt = np.dtype([('qx', 'f8'), ('qy', 'f8'), ('intensity', 'f8')])
pla = node(root, 'braggpeaks', 'pointlistarray', 'PointListArray')
dd = pla.create_dataset('data', (2, 3), h5py.vlen_dtype(dt))
for i in range(2):
    for j in range(3):
        a = np.zeros(i + j, dt)
        a['qx'] = np.arange(i + j) + 10 * i
        a['qy'] = j
        a['intensity'] = 1.5
        dd[i, j] = a

node(root, 'thing', 'custom_node', 'Thing')
f.close()
