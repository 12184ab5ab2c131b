/**
 * Line plots with SWTChart: {@link org.ronchi.ui.plot.PlotPanel} traces one dimension of an array
 * through the current position (a spectrum under the image cursor, a line of a 1-D dataset), keeps
 * pinned traces for comparison, and offers logarithmic axes.
 */
package org.ronchi.ui.plot;
