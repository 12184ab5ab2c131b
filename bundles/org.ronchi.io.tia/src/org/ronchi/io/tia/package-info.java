/**
 * Reader for FEI/Thermo Fisher TIA files. This package holds {@link org.ronchi.io.tia.TiaException}, the
 * root of the errors it raises; the reader itself is in {@code internal}. Nothing is exported: the
 * loader is reached as an OSGi {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.tia;
