/**
 * The Analysis view: the results of an analysis run seen together, picked by selecting any of its
 * outputs in the Data Tree ({@link org.ronchi.ui.analysis.RunArrays} gathers the run's outputs, from a
 * Processing-view run in memory or a results file opened from disk). Strain maps of stem4d.strain in a
 * diverging colour map with limits symmetric about 0 and colour bars in percent (theta in degrees); a
 * decomposition (decomposition.svd, .nmf, .ica) as a log scree plot above the chosen component's factor
 * and loading side by side. Only the existing image and plot panels are used. Bragg peaks and the Bragg
 * vector map are in the 4D-STEM Explorer ({@code org.ronchi.ui.stem4d}), over the patterns they belong to.
 */
package org.ronchi.ui.analysis;
