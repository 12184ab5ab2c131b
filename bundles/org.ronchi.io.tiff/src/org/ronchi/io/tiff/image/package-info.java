/**
 * From IFDs to arrays: a page's storage {@link org.ronchi.io.tiff.image.PageLayout layout} (validated
 * against the file before any allocation), how pages {@link org.ronchi.io.tiff.image.PageGroups group} into
 * stacks, and the lazy {@link org.ronchi.io.tiff.image.TiffArraySource} that reads only the strips or tiles
 * a slice touches, through the core byte backend: uncompressed strips as a {@link org.ronchi.core.lazy.Layout}
 * whose frames are rows, compressed or tiled pages as a {@link org.ronchi.core.lazy.ChunkedSource} with the
 * file's cache of decoded blocks.
 */
package org.ronchi.io.tiff.image;
