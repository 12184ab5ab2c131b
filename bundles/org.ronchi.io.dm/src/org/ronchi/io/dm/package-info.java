/**
 * The Gatan DigitalMicrograph (DM3/DM4) reader. This package holds
 * {@link org.ronchi.io.dm.DmFormatException}, the root of the errors it raises; the
 * {@link org.ronchi.core.io.FileLoader} service is {@code internal.DmLoader}. The file structures live in
 * {@code tags} (the tag tree), the arrays in {@code image} and the metadata mapping in {@code meta}.
 * Nothing is exported: the loader is reached as an OSGi service.
 */
package org.ronchi.io.dm;
