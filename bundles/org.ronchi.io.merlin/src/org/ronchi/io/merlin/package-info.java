/**
 * Reader for Quantum Detectors Merlin {@code .mib} acquisitions (Medipix3 single chip and quad). This
 * package holds {@link org.ronchi.io.merlin.MerlinException}, the root of the errors it raises; the
 * reader itself is in {@code internal}. Nothing is exported: the loader is reached as an OSGi
 * {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.merlin;
