package org.ronchi.core.lazy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.InvalidRequestException;

/**
 * The loader options every reader of raw detector frames understands, with the same words in every
 * format (Merlin, Arina, EMPAD, TVIPS, ...): how the stream of frames a detector wrote becomes a
 * navigation grid. Parsed once here; {@link Scan} applies them.
 * <ul>
 * <li>{@value #NAVIGATION_SHAPE}: the scan's sizes, slowest first (NumPy order, the reverse of
 * HyperSpy's {@code navigation_shape}): {@code "256,128"} is 256 scan rows of 128 positions;</li>
 * <li>{@value #FIRST_FRAME}, {@value #LAST_FRAME}: the stored frames used, {@code [first, last)} as a
 * Python slice (negative values count from the end), as RosettaSciIO's readers take them;</li>
 * <li>{@value #SYNC_OFFSET}: frames between the first used and the first scan position: positive skips
 * frames, negative inserts blank positions (LiberTEM's {@code sync_offset});</li>
 * <li>{@value #FLIP}: the frames reversed along their rows ({@code y}: upside down), their columns
 * ({@code x}), both ({@code xy}) or neither ({@code none}); each format's default gives the orientation
 * of its reference reader.</li>
 * </ul>
 *
 * @param navigationShape the {@value #NAVIGATION_SHAPE} option, or null
 * @param firstFrame      the {@value #FIRST_FRAME} option, or null
 * @param lastFrame       the {@value #LAST_FRAME} option, or null
 * @param syncOffset      the {@value #SYNC_OFFSET} option, or null (0, or what the format detects)
 * @param flip            the {@value #FLIP} option, or the format's default
 */
public record ScanOptions(long[] navigationShape, Long firstFrame, Long lastFrame, Long syncOffset, Flip flip) {
	public static final String NAVIGATION_SHAPE = "navigation_shape";
	public static final String FIRST_FRAME = "first_frame";
	public static final String LAST_FRAME = "last_frame";
	public static final String SYNC_OFFSET = "sync_offset";
	public static final String FLIP = "flip";

	/** How frames are mirrored: rows reversed ({@link #Y}), columns reversed ({@link #X}), both, neither. */
	public enum Flip {
		NONE("none"), X("x"), Y("y"), XY("xy");

		private final String word;

		Flip(String word) {
			this.word = word;
		}

		/** @return the option's value for this flip */
		public String word() {
			return word;
		}

		/** @return true if the rows are read in reverse (the frame upside down) */
		public boolean rows() {
			return this == Y || this == XY;
		}

		/** @return true if the columns are read in reverse */
		public boolean columns() {
			return this == X || this == XY;
		}

		static Flip of(Path file, Object v) {
			String s = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
			for (Flip f : values()) {
				if (f.word.equals(s)) {
					return f;
				}
			}
			if (s.equals("yx")) {
				return XY;
			}
			throw new InvalidRequestException(file, "option " + FLIP, "expected none, x, y or xy, got: " + v);
		}
	}

	/** @return the five options in the order every format lists them, sync offset 0 by default */
	public static List<FormatOption> options(Flip defaultFlip) {
		return options(defaultFlip, "0");
	}

	/**
	 * @param syncOffsetDefault what applies without {@value #SYNC_OFFSET}, in words ("0", "detected from
	 *                          the frame headers")
	 * @return the five options in the order every format lists them
	 */
	public static List<FormatOption> options(Flip defaultFlip, String syncOffsetDefault) {
		return List.of(
				new FormatOption(NAVIGATION_SHAPE, "shape", "from the metadata, else a guess",
						"scan sizes, slowest first (\"256,128\": 256 rows of 128 positions); positions past the last frame read as 0"),
				new FormatOption(FIRST_FRAME, "integer", "0", "first stored frame used (negative: counted from the end)"),
				new FormatOption(LAST_FRAME, "integer", "all", "stored frames before this one are used, as a Python slice end"),
				new FormatOption(SYNC_OFFSET, "integer", syncOffsetDefault,
						"frames before the first scan position: positive skips frames, negative inserts blank positions"),
				new FormatOption(FLIP, "none | x | y | xy", defaultFlip.word(),
						"frames reversed along their columns (x), rows (y), both or neither"));
	}

	/**
	 * @param options     what the user gave (other keys are left to the format)
	 * @param defaultFlip the format's orientation when {@value #FLIP} is absent
	 * @throws InvalidRequestException naming the option if a value is not what it takes
	 */
	public static ScanOptions parse(Path file, Map<String, ?> options, Flip defaultFlip) {
		Object nav = options.get(NAVIGATION_SHAPE);
		Object flip = options.get(FLIP);
		return new ScanOptions(nav == null ? null : shape(file, NAVIGATION_SHAPE, nav), integer(file, FIRST_FRAME, options.get(FIRST_FRAME)),
				integer(file, LAST_FRAME, options.get(LAST_FRAME)), integer(file, SYNC_OFFSET, options.get(SYNC_OFFSET)),
				flip == null ? defaultFlip : Flip.of(file, flip));
	}

	/**
	 * Reads a shape given as {@code [32, 8]}, {@code "32,8"}, {@code "(32, 8)"} or {@code "32x8"}.
	 *
	 * @throws InvalidRequestException naming the option unless every size is a positive integer
	 */
	public static long[] shape(Path file, String option, Object v) {
		long[] out;
		try {
			if (v instanceof long[] l) {
				out = l.clone();
			} else if (v instanceof int[] a) {
				out = Arrays.stream(a).asLongStream().toArray();
			} else if (v instanceof List<?> list) {
				out = list.stream().mapToLong(o -> Long.parseLong(String.valueOf(o).strip())).toArray();
			} else {
				String s = String.valueOf(v).replaceAll("[()\\[\\]\\s]", "");
				out = Arrays.stream(s.split("[,x]")).filter(t -> !t.isEmpty()).mapToLong(Long::parseLong).toArray();
			}
		} catch (NumberFormatException e) {
			throw new InvalidRequestException(file, "option " + option, "expected sizes such as \"32,8\", got: " + v);
		}
		if (out.length == 0) {
			throw new InvalidRequestException(file, "option " + option, "expected sizes such as \"32,8\", got: " + v);
		}
		for (long n : out) {
			if (n < 1) {
				throw new InvalidRequestException(file, "option " + option, "sizes must be positive, got: " + v);
			}
		}
		return out;
	}

	private static Long integer(Path file, String option, Object v) {
		if (v == null) {
			return null;
		}
		if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			return n.longValue();
		}
		try {
			return Long.parseLong(String.valueOf(v).strip());
		} catch (NumberFormatException e) {
			throw new InvalidRequestException(file, "option " + option, "expected an integer, got: " + v);
		}
	}

	/** @return these options with a sync offset the format found, unless the user gave one */
	public ScanOptions syncOffsetIfUnset(long detected) {
		return syncOffset != null ? this : new ScanOptions(navigationShape, firstFrame, lastFrame, detected, flip);
	}

	@Override
	public long[] navigationShape() {
		return navigationShape == null ? null : navigationShape.clone();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ScanOptions s && Arrays.equals(navigationShape, s.navigationShape) && java.util.Objects.equals(firstFrame, s.firstFrame)
				&& java.util.Objects.equals(lastFrame, s.lastFrame) && java.util.Objects.equals(syncOffset, s.syncOffset) && flip == s.flip;
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(Arrays.hashCode(navigationShape), firstFrame, lastFrame, syncOffset, flip);
	}

	@Override
	public String toString() {
		return "ScanOptions[" + NAVIGATION_SHAPE + "=" + Arrays.toString(navigationShape) + ", " + FIRST_FRAME + "=" + firstFrame + ", "
				+ LAST_FRAME + "=" + lastFrame + ", " + SYNC_OFFSET + "=" + syncOffset + ", " + FLIP + "=" + flip.word() + "]";
	}
}
