/**
 * The bundle's exception root {@link org.ronchi.io.tiff.TiffException}. The loader service
 * ({@code internal.TiffLoader}, a Declarative Services component), its options and the assembly of pages
 * into signals are in {@code internal}. Nothing is exported: other bundles reach the loader through the
 * {@link org.ronchi.core.io.FileLoader} service.
 * <p>
 * Why hand-written rather than a library: TIFF itself (header, IFDs, strips, tiles) and its lossless codecs
 * (LZW, PackBits; Deflate is the JDK's Inflater) are small and fully specified, and reading them here
 * gives what a library does not: positional, lazy, bounds-checked reads of just the strips a slice needs
 * (through the core byte backend, as every binary format), and errors that name the file, structure and
 * offset. TwelveMonkeys imageio-tiff (the maintained Java
 * TIFF reader on Maven Central) decodes through ImageIO's plug-in registry, whose service-loader discovery
 * is unreliable under OSGi, and returns whole BufferedImages. JPEG is the one codec not written here: the
 * JDK's own javax.imageio JPEG decoder (module java.desktop, imported from the system bundle) decodes each
 * strip or tile. No third-party bundle is needed.
 */
package org.ronchi.io.tiff;
