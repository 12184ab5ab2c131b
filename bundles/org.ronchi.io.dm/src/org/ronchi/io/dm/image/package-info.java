/**
 * Images of a DM file as lazy arrays: {@link org.ronchi.io.dm.image.DmImage} (one ImageList entry),
 * {@link org.ronchi.io.dm.image.ImageDataType} (DM's data type codes), the HyperSpy-order
 * {@link org.ronchi.io.dm.image.SignalLayout}, and the sources of the stored data: plain and RGB(A)
 * images are a core {@link org.ronchi.core.lazy.Layout} (one contiguous array at a known offset) shown
 * through {@link org.ronchi.core.lazy.Views}; the two packed FFT formats read their rows through a layout
 * and unpack them.
 * <p>
 * Hand-written because the only logic is the axis order and the FFT unpacking, which follow RosettaSciIO
 * so that values equal HyperSpy's.
 */
package org.ronchi.io.dm.image;
