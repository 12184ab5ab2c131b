package org.ronchi.core.lazy;

import java.util.ArrayList;
import java.util.List;

/**
 * A slice written as NumPy writes it ({@code "0:2,:,5"}, {@code "::-1"}, {@code "..."}), resolved
 * against a shape: per dimension a start, stop and step, and whether an integer index dropped the
 * dimension. Indices follow NumPy: negatives count from the end, out-of-range integers are an error,
 * out-of-range slice bounds are clipped.
 */
public record NumpySlice(int[] start, int[] stop, int[] step, boolean[] dropped) {

	/** @throws IllegalArgumentException with a message naming the offending part */
	public static NumpySlice parse(String text, long[] shape) {
		int rank = shape.length;
		List<String> parts = new ArrayList<>();
		if (text != null && !text.isBlank()) {
			for (String p : text.split(",", -1)) {
				parts.add(p.trim());
			}
		}
		int ellipsis = parts.indexOf("...");
		if (ellipsis >= 0) {
			if (parts.lastIndexOf("...") != ellipsis) {
				throw new IllegalArgumentException("slice '" + text + "': only one '...' allowed");
			}
			parts.remove(ellipsis);
			int fill = rank - parts.size();
			for (int i = 0; i < fill; i++) {
				parts.add(ellipsis, ":");
			}
		}
		if (parts.size() > rank) {
			throw new IllegalArgumentException("slice '" + text + "' has " + parts.size() + " indices but the array has "
					+ rank + " dimensions");
		}
		while (parts.size() < rank) {
			parts.add(":");
		}
		int[] start = new int[rank];
		int[] stop = new int[rank];
		int[] step = new int[rank];
		boolean[] dropped = new boolean[rank];
		for (int d = 0; d < rank; d++) {
			int n = Math.toIntExact(shape[d]);
			String p = parts.get(d);
			if (!p.contains(":")) {
				int i = parseInt(p, text, d);
				int idx = i < 0 ? i + n : i;
				if (idx < 0 || idx >= n) {
					throw new IllegalArgumentException("slice '" + text + "': index " + i + " is out of range for dimension "
							+ d + " of size " + n);
				}
				start[d] = idx;
				stop[d] = idx + 1;
				step[d] = 1;
				dropped[d] = true;
				continue;
			}
			String[] f = p.split(":", -1);
			if (f.length > 3) {
				throw new IllegalArgumentException("slice '" + text + "': bad part '" + p + "'");
			}
			int st = f.length == 3 && !f[2].isBlank() ? parseInt(f[2], text, d) : 1;
			if (st == 0) {
				throw new IllegalArgumentException("slice '" + text + "': step cannot be zero (dimension " + d + ")");
			}
			Integer a = f[0].isBlank() ? null : parseInt(f[0], text, d);
			Integer b = f[1].isBlank() ? null : parseInt(f[1], text, d);
			if (st > 0) {
				start[d] = a == null ? 0 : clip(a < 0 ? a + n : a, 0, n);
				stop[d] = b == null ? n : clip(b < 0 ? b + n : b, 0, n);
			} else {
				start[d] = a == null ? n - 1 : clip(a < 0 ? a + n : a, -1, n - 1);
				stop[d] = b == null ? -1 : clip(b < 0 ? b + n : b, -1, n - 1);
			}
			step[d] = st;
		}
		return new NumpySlice(start, stop, step, dropped);
	}

	private static int clip(int v, int lo, int hi) {
		return Math.max(lo, Math.min(hi, v));
	}

	private static int parseInt(String s, String text, int d) {
		try {
			return Integer.parseInt(s.trim());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("slice '" + text + "': '" + s + "' is not an integer (dimension " + d + ")");
		}
	}

	/** @return the shape of the result, without dropped dimensions */
	public int[] resultShape() {
		List<Integer> out = new ArrayList<>();
		for (int d = 0; d < start.length; d++) {
			if (!dropped[d]) {
				out.add(LazyArrays.sliceLength(start[d], stop[d], step[d]));
			}
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** @return the shape before dropping integer-indexed dimensions */
	public int[] fullShape() {
		int[] s = new int[start.length];
		for (int d = 0; d < s.length; d++) {
			s[d] = LazyArrays.sliceLength(start[d], stop[d], step[d]);
		}
		return s;
	}
}
