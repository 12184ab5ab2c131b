/**
 * Reader for EMPAD acquisitions (Electron Microscope Pixel Array Detector): the {@code .xml} the
 * acquisition software writes and the header-less {@code .raw} it names. This package holds
 * {@link org.ronchi.io.empad.EmpadException}, the root of the errors it raises; the reader is in
 * {@code internal}. Nothing is exported: the loader is reached as an OSGi
 * {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.empad;
