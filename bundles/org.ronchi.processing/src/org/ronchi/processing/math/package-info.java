/**
 * Numerical building blocks operations share: {@link org.ronchi.processing.math.Fft} and
 * {@link org.ronchi.processing.math.Fft2} (NumPy-compatible FFTs of any length, hand-written because
 * commons-math3 only does powers of two and January has none) and
 * {@link org.ronchi.processing.math.Select} (medians by selection).
 */
package org.ronchi.processing.math;
