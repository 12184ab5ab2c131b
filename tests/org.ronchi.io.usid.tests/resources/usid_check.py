# Re-implements pyUSID 0.0.4's check_if_main (pyUSID itself is not installed) and reads every Main
# dataset of an h5USID file the way pyUSID does; prints one line per candidate dataset.
import sys, h5py, numpy as np

f = h5py.File(sys.argv[1], 'r')
ANC = ['Position_Indices', 'Position_Values', 'Spectroscopic_Indices', 'Spectroscopic_Values']

def strings(a, name):
    v = a.attrs[name]
    if isinstance(v, (bytes, str)):
        raise ValueError(name + ' of ' + a.name + ' is a single string, not a list')
    return [x.decode() if isinstance(x, bytes) else x for x in v]

def check_if_main(d):
    if not isinstance(d, h5py.Dataset) or d.ndim != 2:
        return 'not a 2-D dataset'
    for a in ['quantity', 'units'] + ANC:
        if a not in d.attrs:
            return 'missing ' + a
    anc = {}
    for a in ANC:
        ref = d.attrs[a]
        if not isinstance(ref, h5py.Reference) or not ref:
            return a + ' is not an object reference'
        t = f[ref]
        if not isinstance(t, h5py.Dataset):
            return a + ' does not point to a dataset'
        anc[a] = t
    if anc['Position_Indices'].shape != anc['Position_Values'].shape or anc['Position_Indices'].shape[0] != d.shape[0]:
        return 'position ancillaries do not match'
    if anc['Spectroscopic_Indices'].shape != anc['Spectroscopic_Values'].shape or anc['Spectroscopic_Indices'].shape[1] != d.shape[1]:
        return 'spectroscopic ancillaries do not match'
    for a in ANC:
        n = anc[a].shape[1] if a.startswith('Position') else anc[a].shape[0]
        if len(strings(anc[a], 'labels')) != n or len(strings(anc[a], 'units')) != n:
            return 'labels/units of ' + a + ' do not match its dimensions'
    return ''

def sort_order(rows):
    cc = [len(np.where([r[i] != r[i - 1] for i in range(len(r))])[0]) for r in rows]
    return np.argsort(cc)[::-1]

def n_dim(d):
    pos = f[d.attrs['Position_Indices']][()].T
    spec = f[d.attrs['Spectroscopic_Indices']][()]
    ps, ss = sort_order(pos), sort_order(spec)
    pd = [len(np.unique(pos[i])) for i in ps]
    sd = [len(np.unique(spec[i])) for i in ss]
    nd = np.reshape(d[()], pd[::-1] + sd[::-1])
    swap = np.append(ps.size - 1 - ps, ss.size - ss - 1 + len(pd))
    return np.transpose(nd, swap)

found = []
f.visititems(lambda n, o: found.append(n) if isinstance(o, h5py.Dataset) and 'Position_Indices' in o.attrs else None)
for name in found:
    d = f[name]
    why = check_if_main(d)
    if why:
        print('/' + name, 'NOT MAIN:', why)
        continue
    labels = strings(f[d.attrs['Position_Indices']], 'labels') + strings(f[d.attrs['Spectroscopic_Indices']], 'labels')
    try:
        nd = n_dim(d)
        nds = str(list(nd.shape))
    except ValueError:
        nds = 'none'
    print('/' + name, 'MAIN', d.attrs['quantity'], '|', d.attrs['units'], '|', list(d.shape), d.dtype, '%.9g' % d[()].astype('f8').sum(),
          labels, nds)
