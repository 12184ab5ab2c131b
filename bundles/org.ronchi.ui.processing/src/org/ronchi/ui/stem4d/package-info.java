/**
 * The 4D-STEM Explorer: a navigator (a virtual image of the scan) beside the diffraction pattern at the
 * picked scan position. Drawing a detector (circle, annulus, rectangle) on the pattern recomputes the
 * virtual image live through a {@link org.ronchi.ui.stem4d.VirtualDetector}; the one the view uses
 * ({@link org.ronchi.ui.stem4d.EngineDetector}) runs the processing engine's
 * {@code stem4d.virtual-image} operation, so the explorer computes exactly what a batch run would.
 * Requests are coalesced ({@link org.ronchi.ui.slice.LatestJob}): while a detector is dragged, only the
 * newest shape is computed, and a computation that is overtaken stops early.
 */
package org.ronchi.ui.stem4d;
