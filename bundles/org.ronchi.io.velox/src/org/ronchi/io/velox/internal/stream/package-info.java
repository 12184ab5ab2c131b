/**
 * Decoding of Velox EDS spectrum streams: the event encoding ({@link StreamGeometry}), the row index
 * built by one scan ({@link StreamIndex}), the scan and count passes as pure functions
 * ({@link StreamDecoder}) and the lazy spectrum image they serve ({@link SpectrumImageSource}).
 * Independent of HDF5: values come through {@link StreamValues}, so tests and the benchmark feed arrays.
 * <p>
 * Hand-written because the encoding is Velox's own and no library decodes it; RosettaSciIO's numba
 * decoder fills a dense cube (gigabytes for a large map), which a lazy viewer cannot afford.
 */
package org.ronchi.io.velox.internal.stream;
