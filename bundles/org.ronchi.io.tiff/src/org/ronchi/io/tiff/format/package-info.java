/**
 * The TIFF container as the specification (TIFF 6.0, BigTIFF) defines it, one class per structure: the
 * {@link org.ronchi.io.tiff.format.TiffHeader header}, {@link org.ronchi.io.tiff.format.Ifd image file
 * directories} and their {@link org.ronchi.io.tiff.format.IfdEntry entries} of a
 * {@link org.ronchi.io.tiff.format.FieldType field type}, and tag numbers and names. Everything is read
 * through the core {@link org.ronchi.core.io.FileBytes}, which checks every read against the file length
 * and reports a {@link org.ronchi.io.tiff.TiffException}.
 * Hand-written: see the bundle's package documentation.
 */
package org.ronchi.io.tiff.format;
