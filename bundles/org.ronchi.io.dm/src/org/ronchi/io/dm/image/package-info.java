/**
 * Images of a DM file as lazy arrays: {@link org.ronchi.io.dm.image.DmImage} (one ImageList entry),
 * {@link org.ronchi.io.dm.image.ImageDataType} (DM's data type codes), the HyperSpy-order
 * {@link org.ronchi.io.dm.image.SignalLayout}, and the {@link org.ronchi.core.lazy.ArraySource}s that read
 * boxes of the stored data with positional reads (plain, RGB(A) and the two packed FFT formats).
 * <p>
 * Hand-written because the data is one contiguous array at a known offset; the only logic is the axis
 * order and the FFT unpacking, which follow RosettaSciIO so that values equal HyperSpy's.
 */
package org.ronchi.io.dm.image;
