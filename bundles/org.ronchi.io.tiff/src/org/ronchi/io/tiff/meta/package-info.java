/**
 * A page's two metadata trees: {@link org.ronchi.io.tiff.meta.PageMetadata the original} (its tags and every
 * vendor block, verbatim) and {@link org.ronchi.io.tiff.meta.StandardMetadata the standard one} (the vendors'
 * mapping files under {@code mappings/}, applied by core's MetadataMapping, plus dates, modes and unit
 * conversions a mapping line cannot express), and the choice of axis
 * {@link org.ronchi.io.tiff.meta.Calibrations calibration}.
 */
package org.ronchi.io.tiff.meta;
