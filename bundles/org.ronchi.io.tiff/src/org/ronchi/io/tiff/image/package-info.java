/**
 * From IFDs to arrays: a page's storage {@link org.ronchi.io.tiff.image.PageLayout layout} (validated
 * against the file before any allocation), how pages {@link org.ronchi.io.tiff.image.PageGroups group} into
 * stacks, and the lazy {@link org.ronchi.io.tiff.image.TiffArraySource} that reads only the strips or tiles
 * a slice touches, with a small cache of decoded blocks.
 */
package org.ronchi.io.tiff.image;
