package org.ronchi.io.tvips.internal;

import java.util.List;

import org.ronchi.core.io.ByteSource;
import org.ronchi.core.lazy.Scan;

/**
 * The scan of a 4D-STEM recording, from the scan positions v2 frame headers carry (as LiberTEM finds it):
 * the recorder runs before the scan starts, so the first scan frame is the one just before the first step
 * from (row 0, column 0) to (row 0, column 1); that frame's index is the sync offset. The scan is as wide
 * as the first row goes (its largest column + 1) and as high as the last frame's row + 1 (whole rows when
 * the recording stopped early, as {@link Scan} shows them).
 * <p>
 * Only headers are read, never pixels: the frames up to the first step and along the first row (at most
 * {@link #SEARCH} of them), and the last frame's.
 */
final class TvipsScanDetector {
	/** Frames searched for the start of the scan and along its first row. */
	static final long SEARCH = 1 << 16;

	/** @param syncOffset the frame the scan starts at */
	record Detected(long syncOffset, Scan.Shape shape) {
	}

	private TvipsScanDetector() {
	}

	/** @return the scan, or null if the frame headers carry no positions or no scan start was found (said in warnings) */
	static Detected detect(ByteSource bytes, TvipsSeriesHeader h, long frames, List<String> warnings) {
		if (h.version() < 2 || h.frameHeader() < TvipsFrameHeader.SCAN_END || frames < 2) {
			return null;
		}
		long limit = Math.min(frames - 1, SEARCH);
		TvipsFrameHeader prev = TvipsFrameHeader.read(bytes, h, 0);
		long sync = -1;
		for (long k = 0; k < limit; k++) {
			TvipsFrameHeader next = TvipsFrameHeader.read(bytes, h, k + 1);
			if (prev.scanY() == 0 && prev.scanX() == 0 && next.scanY() == 0 && next.scanX() == 1) {
				sync = k;
				break;
			}
			prev = next;
		}
		if (sync < 0) {
			warnings.add("the v2 frame headers show no step from scan position (0, 0) to (0, 1) in the first " + (limit + 1)
					+ " frames: the frames are shown as a stack (navigation_shape and sync_offset to choose a scan)");
			return null;
		}
		long width = 1;
		for (long j = sync + 1; j < frames && j <= sync + SEARCH; j++) {
			TvipsFrameHeader f = TvipsFrameHeader.read(bytes, h, j);
			if (f.scanY() != 0 || f.scanX() < width - 1) {
				break;
			}
			width = Math.max(width, f.scanX() + 1);
		}
		long lastRow = TvipsFrameHeader.read(bytes, h, frames - 1).scanY();
		long height = lastRow > 0 ? lastRow + 1 : Math.max(1, (frames - sync) / width);
		return new Detected(sync, Scan.Shape.known("the scan positions of the v2 frame headers", height, width));
	}
}
