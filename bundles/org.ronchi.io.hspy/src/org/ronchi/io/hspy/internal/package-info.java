/**
 * The .hspy loader and writer services and the layout classes behind them: {@code HspyExperiment} (one
 * Experiments/&lt;title&gt; group), {@code HspyAxes} (axis-N groups), {@code HspyTree} (HyperSpy's
 * dictionaries as HDF5 groups). Not API: reached through the loader and writer registries.
 */
package org.ronchi.io.hspy.internal;
