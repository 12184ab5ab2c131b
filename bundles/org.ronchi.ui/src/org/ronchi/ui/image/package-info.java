/**
 * Images on an SWT canvas. SWTChart has no image series, so images are drawn here:
 * {@link org.ronchi.ui.image.ImageRenderer} maps a 2-D January dataset to 8-bit colour indices
 * (percentile auto-contrast, optional log10) under a {@link org.ronchi.ui.image.Colormap} palette,
 * giving a {@link org.ronchi.ui.image.Rendered} image; {@link org.ronchi.ui.image.ImageCanvas} draws it
 * with zoom and pan, calibrated axes ({@link org.ronchi.ui.image.Ticks}), a colour bar, a cursor,
 * overlays and tools; {@link org.ronchi.ui.image.ImagePanel} adds the tool bar and the pixel read-out
 * and loads slices in the background.
 */
package org.ronchi.ui.image;
