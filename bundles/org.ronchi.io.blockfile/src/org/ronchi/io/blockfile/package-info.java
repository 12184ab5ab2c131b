/**
 * Reader for NanoMegas ASTAR blockfiles ({@code .blo}): a scan of 8-bit diffraction patterns with the
 * virtual bright-field image the acquisition software computed. This package holds
 * {@link org.ronchi.io.blockfile.BlockfileException}, the root of the errors it raises; the reader is in
 * {@code internal}. Nothing is exported: the loader is reached as an OSGi
 * {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.blockfile;
