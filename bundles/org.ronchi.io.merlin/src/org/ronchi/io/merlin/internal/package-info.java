/**
 * The Merlin reader: the {@link org.ronchi.core.io.FileLoader} service
 * ({@link org.ronchi.io.merlin.internal.MerlinLoader}), one class per on-disk structure — the frame
 * header ({@link org.ronchi.io.merlin.internal.MibHeader}), the pixels after it
 * ({@link org.ronchi.io.merlin.internal.MibPixels}; RAW frames decoded by
 * {@link org.ronchi.io.merlin.internal.RawFrames}), the {@code .hdr} ({@link org.ronchi.io.merlin.internal.HdrFile})
 * — and the files of one acquisition ({@link org.ronchi.io.merlin.internal.MibAcquisition}). Processed
 * frames are a core {@link org.ronchi.core.lazy.Layout} (frames between headers, big-endian), RAW
 * frames a {@link org.ronchi.core.lazy.ChunkedSource} of one frame per chunk; the scan grid, the frame
 * window and the flip are core {@link org.ronchi.core.lazy.Scan}'s. The scan rows of an acquisition
 * whose {@code .hdr} does not give them are guessed from the frame time stamps
 * ({@link org.ronchi.io.merlin.internal.ScanLines}).
 * <p>
 * Hand-written: no Java reader exists, and the format is text headers between raw frames. The RAW
 * layouts follow LiberTEM's {@code mib.py} (MIT) and were checked on the samples, whose RAW and
 * processed acquisitions of the same beam agree once decoded.
 */
package org.ronchi.io.merlin.internal;
