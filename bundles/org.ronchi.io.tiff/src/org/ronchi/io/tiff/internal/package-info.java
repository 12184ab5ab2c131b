/**
 * The TIFF {@link org.ronchi.core.io.FileLoader} service ({@link org.ronchi.io.tiff.internal.TiffLoader}),
 * its {@link org.ronchi.io.tiff.internal.LoaderOptions options}, and the assembly of pages into signals
 * ({@link org.ronchi.io.tiff.internal.Signals}).
 */
package org.ronchi.io.tiff.internal;
