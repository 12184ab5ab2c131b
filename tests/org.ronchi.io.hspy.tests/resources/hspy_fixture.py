# Writes a .hspy file with HyperSpy 1.7.3 (Debian's python3-hyperspy) that uses what the format holds:
# navigation and signal axes, a non-uniform axis, standard metadata (beam energy, date, title), an
# original metadata tree with nested groups, lists, tuples, None, arrays and text, markers, and a
# decomposition. Usage: hspy_fixture.py OUT.hspy
import sys
import numpy as np
import hyperspy.api as hs

rng = np.random.default_rng(15)
data = rng.integers(0, 1000, size=(3, 4, 17)).astype(np.uint16)
s = hs.signals.Signal1D(data)
nav_y, nav_x = s.axes_manager.navigation_axes[1], s.axes_manager.navigation_axes[0]
nav_y.name, nav_y.units, nav_y.scale, nav_y.offset = 'y', 'nm', 2.5, -1.0
nav_x.name, nav_x.units, nav_x.scale, nav_x.offset = 'x', 'nm', 0.5, 10.0
e = s.axes_manager.signal_axes[0]
e.convert_to_non_uniform_axis()
e.axis = np.cumsum(np.arange(1, 18, dtype=float)) * 0.1 + 280.0
e.name, e.units = 'Energy loss', 'eV'
s.metadata.General.title = 'EELS map'
s.metadata.General.date = '2024-03-05'
s.metadata.General.time = '14:15:16'
s.metadata.General.authors = 'A. Microscopist'
s.metadata.Signal.signal_type = 'EELS'
s.metadata.Signal.quantity = 'Intensity (counts)'
s.metadata.set_item('Acquisition_instrument.TEM.beam_energy', 300.0)
s.metadata.set_item('Acquisition_instrument.TEM.convergence_angle', 21.5)
s.metadata.set_item('Acquisition_instrument.TEM.Detector.EELS.collection_angle', 36.0)
s.metadata.set_item('Acquisition_instrument.TEM.Stage.tilt_alpha', 12.0)
s.metadata.set_item('Sample.elements', ['C', 'O'])
s.original_metadata.add_dictionary({
    'Microscope': {'Voltage': 300000.0, 'Name': 'Titan', 'Mode': None},
    'Session': {'ids': [1, 2, 3], 'pair': (4.5, 'a'), 'nested': [{'k': 1}, {'k': 2}], 'empty': []},
    'calibration': np.linspace(0, 1, 5),
    'flag': True,
})
s.add_marker(hs.plot.markers.point(x=1, y=2), permanent=True)
s.change_dtype('float32')
s.decomposition()
s.save(sys.argv[1], overwrite=True)
