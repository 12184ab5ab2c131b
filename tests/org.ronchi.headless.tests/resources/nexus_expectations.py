# Checks NeXus files Ronchi converted against what Ronchi read from their sources, as HyperSpy 1.7.3's
# NeXus reader (hs.load(FILE, nxdata_only=True)) and h5py find them. Usage: nexus_expectations.py EXPECTATIONS.json
# The JSON is a list of {"file", "source", "signals": [{"title", "dtype", "shape", "sha256", "navigate",
# "axes": [{"name", "units", "size", "linear", "scale", "offset"}], "beam_energy"}]}. Each expected signal
# must be found (same data bytes, dtype and title); its axis names and sizes, the scale, offset and units
# of increasing linear axes, its navigation flags when it has one or two signal dimensions (NeXus
# @interpretation) must agree; the beam energy must be the voltage (kV) of the entry's NXsource.
# Prints one line per problem and "checked N signals in M files"; exits 1 on any problem.
import hashlib
import json
import sys
import h5py
import numpy as np
import hyperspy.api as hs
import traits.api as t
from hyperspy.misc import rgb_tools

# Ronchi names HyperSpy's colour types as HyperSpy does; numpy spells them as records
DTYPES = {name: str(getattr(rgb_tools, name)) for name in ('rgb8', 'rgba8', 'rgb16', 'rgba16')}

problems = []
count = 0
entries = json.load(open(sys.argv[1]))
for entry in entries:
    try:
        loaded = hs.load(entry['file'], nxdata_only=True)
    except Exception as e:
        problems.append(f"{entry['source']}: HyperSpy cannot load {entry['file']}: {e!r}")
        continue
    loaded = loaded if isinstance(loaded, list) else [loaded]
    f = h5py.File(entry['file'], 'r')
    for exp in entry['signals']:
        count += 1
        where = f"{entry['source']} {exp['title']!r}"
        found = None
        for s in loaded:
            d = np.ascontiguousarray(np.asarray(s.data))
            if (s.metadata.General.title == exp['title'] and str(d.dtype) == DTYPES.get(exp['dtype'], exp['dtype']) and list(d.shape) == exp['shape']
                    and hashlib.sha256(d.astype(d.dtype.newbyteorder('<')).tobytes()).hexdigest() == exp['sha256']):
                found = s
                break
        if found is None:
            problems.append(f"{where}: no NXdata signal with this title, dtype {exp['dtype']}, shape {exp['shape']} and data among "
                            + str([(s.metadata.General.title, str(s.data.dtype), s.data.shape) for s in loaded][:4]) + (' ...' if len(loaded) > 4 else ''))
            continue
        axes = found.axes_manager._axes
        for i, (ax, e) in enumerate(zip(axes, exp['axes'])):
            name = '' if ax.name is t.Undefined else ax.name
            if (name, ax.size) != (e['name'], e['size']):
                problems.append(f"{where} axis {i}: {(name, ax.size)} != {(e['name'], e['size'])}")
            elif e['linear'] and e['name'] and e['scale'] > 0 and e['size'] > 1:
                units = '' if ax.units is t.Undefined else ax.units
                if not np.isclose(ax.scale, e['scale'], rtol=1e-9) or not np.isclose(ax.offset, e['offset'], rtol=1e-9, atol=1e-12) or units != e['units']:
                    problems.append(f"{where} axis {i}: {ax.scale}/{ax.offset} {units!r} != {e['scale']}/{e['offset']} {e['units']!r}")
        if exp['navigate'].count(False) in (1, 2) and [a.navigate for a in axes] != exp['navigate']:
            problems.append(f"{where}: navigate {[a.navigate for a in axes]} != {exp['navigate']}")
        if exp.get('beam_energy') is not None:
            entries_with = [g for g in f.values() if isinstance(g, h5py.Group) and 'instrument/source/voltage' in g]
            kv = [float(g['instrument/source/voltage'][()]) for g in entries_with]
            if not any(np.isclose(v, exp['beam_energy'], rtol=1e-12) for v in kv):
                problems.append(f"{where}: NXsource voltages {kv} lack {exp['beam_energy']} kV")
for p in problems:
    print(p)
print(f"checked {count} signals in {len(entries)} files")
sys.exit(1 if problems else 0)
