/**
 * Lazy n-dimensional data: what a format provides, the one byte backend all binary formats read
 * through, and views. A speed-up of the backend lands in every format at once.
 * <ul>
 * <li>{@link org.ronchi.core.lazy.ArraySource}: geometry and two read methods ({@code read} to a January
 * dataset, {@code readInto} raw little-endian bytes, the engine's path), like ImgLib2's cell loader;
 * {@link org.ronchi.core.lazy.LazyArrays} turns it into a January lazy dataset.</li>
 * <li>{@link org.ronchi.core.lazy.Layout}: where the elements of an array are in a
 * {@link org.ronchi.core.io.ByteSource} (offset, element type, byte order, strides in bytes, per-frame
 * headers and footers, frames placed through a table); its run reader cuts a box into runs
 * ({@link org.ronchi.core.lazy.BoxRuns}), merges reads of nearby runs and reads big boxes in parallel
 * pieces. {@link org.ronchi.core.lazy.LayoutSource} is a layout as an array source. DM, MRC, SER,
 * uncompressed TIFF strips, contiguous HDF5 and the engine's scratch files read through it.</li>
 * <li>{@link org.ronchi.core.lazy.ChunkGrid} (geometry), {@link org.ronchi.core.lazy.ChunkLoader} (finding and
 * decoding one chunk: the format's part) and {@link org.ronchi.core.lazy.ChunkCache} (decoded chunks, LRU,
 * bounded in bytes), put together by {@link org.ronchi.core.lazy.ChunkedSource}: HDF5 chunked datasets and
 * compressed or tiled TIFF pages.</li>
 * <li>{@link org.ronchi.core.lazy.Views}: permute, fix an index, stack, flatten/unflatten, take, window,
 * flip — the only place lazy views are made.</li>
 * <li>{@link org.ronchi.core.lazy.Scan} and {@link org.ronchi.core.lazy.ScanOptions}: how the frames a
 * pixelated detector wrote become a navigation grid ({@code navigation_shape}, {@code first_frame},
 * {@code last_frame}, {@code sync_offset}, {@code flip}; the shape from the metadata, else a guess said
 * as such), the same in every raw-frame format.</li>
 * <li>Variable-length data (a list of records per grid position, EMD 1.0's PointListArray) is a
 * {@link org.ronchi.core.lazy.PointListSource} of {@link org.ronchi.core.lazy.PointList}s whose
 * {@link org.ronchi.core.lazy.RecordType} owns the record layout.</li>
 * <li>{@link org.ronchi.core.lazy.Buffers}: the single place raw bytes become January datasets (byte order,
 * widening of unsigned types); {@link org.ronchi.core.lazy.Shapes}: shape arithmetic in long, because
 * January 2.3.2's sizes overflow past 2^31 elements.</li>
 * </ul>
 */
package org.ronchi.core.lazy;
