/**
 * Slicing an N-dimensional array for display: {@link org.ronchi.ui.slice.SliceSpec} (which axes are
 * X/Y, which is plotted, where every other index stands), {@link org.ronchi.ui.slice.Slicer} (reads one
 * plane or one line through the array's {@link org.ronchi.core.lazy.ArraySource}, so only the bytes
 * shown are read), {@link org.ronchi.ui.slice.SliceTargets} (what array a tree node is sliced as: the
 * N-dimensional form its loader attached, e.g. a USID Main dataset's), {@link org.ronchi.ui.slice.LatestJob} (runs the newest of
 * a burst of requests in the background and drops stale results) and
 * {@link org.ronchi.ui.slice.SlicerPanel} (the widgets: axis roles, sliders with calibrated values).
 */
package org.ronchi.ui.slice;
