/**
 * The Gatan DigitalMicrograph (DM3/DM4) reader: {@link org.ronchi.io.dm.DmLoader}, the
 * {@link org.ronchi.core.io.FileLoader} service, and {@link org.ronchi.io.dm.DmFormatException}, the root
 * of the errors it raises. The file structures live in {@code tags} (the tag tree), the arrays in
 * {@code image} and the metadata mapping in {@code meta}; none of those is API.
 */
package org.ronchi.io.dm;
