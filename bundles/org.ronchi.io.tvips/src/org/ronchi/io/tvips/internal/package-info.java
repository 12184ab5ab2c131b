/**
 * The TVIPS loader: {@link org.ronchi.io.tvips.internal.TvipsSeriesHeader} (the 256-byte header of the
 * {@code _000} file), {@link org.ronchi.io.tvips.internal.TvipsFrameHeader} (the header before each frame,
 * v1 or v2), {@link org.ronchi.io.tvips.internal.TvipsScanDetector} (the scan and its sync offset from the
 * v2 scan positions) and {@link org.ronchi.io.tvips.internal.TvipsLoader} (the service; the files of a
 * series read as one through core's {@code ByteSource.concat}).
 */
package org.ronchi.io.tvips.internal;
