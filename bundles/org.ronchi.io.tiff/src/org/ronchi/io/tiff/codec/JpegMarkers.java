package org.ronchi.io.tiff.codec;

/** Reads the marker segments of a JPEG stream up to its first scan, for what they say about colour. */
final class JpegMarkers {
	private JpegMarkers() {
	}

	/**
	 * @return true if the stream declares YCbCr-encoded colour: a JFIF APP0 segment (JFIF is YCbCr by
	 *         definition) or an Adobe APP14 segment with transform 1
	 */
	static boolean isYccEncoded(byte[] s) {
		int i = 2;
		while (i + 4 <= s.length) {
			if ((s[i] & 0xff) != 0xFF) {
				return false;
			}
			int marker = s[i + 1] & 0xff;
			if (marker == 0xFF) {
				i++; // fill byte
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				return false; // start of scan or end of image: no colour marker before the data
			}
			int len = ((s[i + 2] & 0xff) << 8) | (s[i + 3] & 0xff);
			int payload = i + 4;
			if (marker == 0xE0 && matches(s, payload, "JFIF")) {
				return true;
			}
			if (marker == 0xEE && matches(s, payload, "Adobe") && payload + 11 < s.length) {
				return s[payload + 11] == 1;
			}
			i += 2 + len;
		}
		return false;
	}

	private static boolean matches(byte[] s, int at, String ascii) {
		if (at + ascii.length() > s.length) {
			return false;
		}
		for (int k = 0; k < ascii.length(); k++) {
			if (s[at + k] != ascii.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @return {height, width, components} from the first start-of-frame segment, or null if there is none
	 *         before the scan (checked before decoding: ImageIO allocates whatever the frame header says)
	 */
	static int[] frame(byte[] s) {
		int i = 2;
		while (i + 4 <= s.length) {
			if ((s[i] & 0xff) != 0xFF) {
				return null;
			}
			int marker = s[i + 1] & 0xff;
			if (marker == 0xFF) {
				i++;
				continue;
			}
			if (marker == 0xDA || marker == 0xD9) {
				return null;
			}
			int len = ((s[i + 2] & 0xff) << 8) | (s[i + 3] & 0xff);
			boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
			if (sof && i + 9 < s.length) {
				int h = ((s[i + 5] & 0xff) << 8) | (s[i + 6] & 0xff);
				int w = ((s[i + 7] & 0xff) << 8) | (s[i + 8] & 0xff);
				return new int[] { h, w, s[i + 9] & 0xff };
			}
			i += 2 + len;
		}
		return null;
	}
}
