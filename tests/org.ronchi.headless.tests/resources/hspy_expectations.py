# Checks files Ronchi converted against what Ronchi read from their sources, as HyperSpy 1.7.3 loads
# them (hs.load). Usage: hspy_expectations.py EXPECTATIONS.json
# The JSON is a list of {"file", "signals": [{"title", "dtype", "shape", "sha256", "axes": [{"name",
# "units", "size", "navigate", "scale", "offset"} or {..., "values"}], "beam_energy"}]}. Each expected
# signal must be found (same title, dtype and data bytes); its axes and beam energy must agree.
# Prints one line per problem and "checked N signals in M files"; exits 1 on any problem.
import hashlib
import json
import sys
import numpy as np
import hyperspy.api as hs
import traits.api as t
from hyperspy.misc import rgb_tools

# Ronchi names HyperSpy's colour types as HyperSpy does; numpy spells them as records
DTYPES = {name: str(getattr(rgb_tools, name)) for name in ('rgb8', 'rgba8', 'rgb16', 'rgba16')}

problems = []
count = 0
for entry in json.load(open(sys.argv[1])):
    try:
        loaded = hs.load(entry['file'])
    except Exception as e:
        problems.append(f"{entry['source']}: HyperSpy cannot load {entry['file']}: {e!r}")
        continue
    loaded = loaded if isinstance(loaded, list) else [loaded]
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
            problems.append(f"{where}: no signal with this title, dtype {exp['dtype']}, shape {exp['shape']} and data among "
                            + str([(s.metadata.General.title, str(s.data.dtype), s.data.shape) for s in loaded][:4]) + (' ...' if len(loaded) > 4 else ''))
            continue
        axes = found.axes_manager._axes
        for i, (ax, e) in enumerate(zip(axes, exp['axes'])):
            name = '' if ax.name is t.Undefined else ax.name
            units = '' if ax.units is t.Undefined else ax.units
            if (name, units, ax.size, ax.navigate) != (e['name'], e['units'], e['size'], e['navigate']):
                problems.append(f"{where} axis {i}: {(name, units, ax.size, ax.navigate)} != {(e['name'], e['units'], e['size'], e['navigate'])}")
            elif 'values' in e:
                if not np.allclose(ax.axis, e['values'], rtol=1e-12, atol=0):
                    problems.append(f"{where} axis {i}: values differ")
            elif not ax.is_uniform or not np.isclose(ax.scale, e['scale'], rtol=1e-12) or not np.isclose(ax.offset, e['offset'], rtol=1e-12, atol=1e-300):
                problems.append(f"{where} axis {i}: scale/offset {getattr(ax, 'scale', None)}/{getattr(ax, 'offset', None)} != {e['scale']}/{e['offset']}")
        if exp.get('beam_energy') is not None:
            tem = found.metadata.get_item('Acquisition_instrument.TEM.beam_energy')
            sem = found.metadata.get_item('Acquisition_instrument.SEM.beam_energy')
            got = tem if tem is not None else sem
            if got is None or not np.isclose(got, exp['beam_energy'], rtol=1e-12):
                problems.append(f"{where}: beam energy {got} != {exp['beam_energy']} kV")
for p in problems:
    print(p)
print(f"checked {count} signals in {len(json.load(open(sys.argv[1])))} files")
sys.exit(1 if problems else 0)
