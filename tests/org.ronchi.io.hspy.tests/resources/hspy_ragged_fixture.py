# Writes a ragged signal with HyperSpy 1.7.3: 5 positions, each an (n, 2) array of peak positions (n =
# 0..3), as pyxem's peak finding leaves them. Prints each element's rows as JSON. Usage: FILE
import json
import sys
import numpy as np
import hyperspy.api as hs

rng = np.random.default_rng(7)
data = np.empty((5,), dtype=object)
for i in range(5):
    data[i] = np.round(rng.random(((i * 2) % 4, 2)) * 100, 3)
s = hs.signals.BaseSignal(data, ragged=True)
s.axes_manager[0].name = 'scan'
s.axes_manager[0].units = 'nm'
s.axes_manager[0].scale = 0.25
s.metadata.General.title = 'peaks'
s.save(sys.argv[1], overwrite=True)
print(json.dumps([d.tolist() for d in data]))
