/**
 * Reader for MRC2014 / CCP4 files. This package holds {@link org.ronchi.io.mrc.MrcException}, the root
 * of the errors it raises; the reader itself is in {@code internal}. Nothing is exported: the loader is
 * reached as an OSGi {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.mrc;
