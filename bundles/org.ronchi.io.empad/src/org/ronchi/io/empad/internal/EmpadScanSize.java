package org.ronchi.io.empad.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ronchi.core.lazy.Scan;

/**
 * Which scan an EMPAD {@code .raw} holds. The XML may record several sizes, not all of the acquisition:
 * {@code pix_x}/{@code pix_y} (older software), the {@code scan_parameters} of the {@code acquire} mode and
 * of the {@code search} (preview) mode; the raw file's name says {@code scan_x<N>_y<M>}. The first of these,
 * in that order, whose size is the number of frames stored is the scan; when none is, the first recorded
 * other than {@code search} (and {@link Scan} says what does not fit). A series ({@code count} or
 * {@code series_count}) is a stack. Sizes are (y, x): rows of x positions.
 */
final class EmpadScanSize {
	private static final Pattern NAME = Pattern.compile(".*scan_x(\\d+)_y(\\d+).*\\.raw", Pattern.CASE_INSENSITIVE);

	private EmpadScanSize() {
	}

	/** @return the scan, or null if nothing records one (Scan then guesses, and says so) */
	static Scan.Shape of(EmpadXml xml, String rawName, long frames) {
		if (xml.seriesCount() != null) {
			return Scan.Shape.known("the XML's series count", xml.seriesCount());
		}
		long[] named = null;
		Matcher m = NAME.matcher(rawName);
		if (m.matches()) {
			try {
				named = new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) };
			} catch (NumberFormatException e) {
				named = null; // digits beyond a long: not a scan size
			}
		}
		long[][] xy = { xml.pix(), xml.acquire(), xml.search(), named };
		String[] from = { "the XML's pix_x, pix_y", "the XML's acquire scan_resolution_x, _y", "the XML's search scan_resolution_x, _y",
				"the raw file's name" };
		for (int i = 0; i < xy.length; i++) {
			if (xy[i] != null && xy[i][0] > 0 && xy[i][1] > 0 && (double) xy[i][0] * xy[i][1] == frames) {
				return Scan.Shape.known(from[i], xy[i][1], xy[i][0]);
			}
		}
		for (int i = 0; i < xy.length; i++) {
			if (i != 2 && xy[i] != null && xy[i][0] > 0 && xy[i][1] > 0) {
				return Scan.Shape.known(from[i], xy[i][1], xy[i][0]);
			}
		}
		return null;
	}
}
