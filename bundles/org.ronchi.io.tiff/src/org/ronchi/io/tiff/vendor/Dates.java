package org.ronchi.io.tiff.vendor;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.BiFunction;

/** Vendor date and time text ("06/13/2016", "05:06:40 PM", "23 Dec 2015") tried against a list of layouts. */
public final class Dates {
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
	private Dates() {
	}

	/** @return a case-insensitive, English-named formatter ("pm", "DEC" parse too) */
	static DateTimeFormatter pattern(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
	}

	/** @return the first layout's parse that succeeds, or null */
	static <T> T first(String text, BiFunction<CharSequence, DateTimeFormatter, T> parse, DateTimeFormatter... formats) {
		if (text == null || text.isBlank()) {
			return null;
		}
		for (DateTimeFormatter f : formats) {
			try {
				return parse.apply(text.strip(), f);
			} catch (DateTimeParseException e) {
				// try the next layout
			}
		}
		return null;
	}

	/** @return ISO 8601 with seconds always shown ({@code LocalDateTime.toString()} drops ":00") */
	public static String iso(java.time.LocalDateTime t) {
		return ISO.format(t);
	}

	/** @return ISO 8601 with the offset, seconds always shown, fractions as written */
	public static String iso(java.time.OffsetDateTime t) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
	}
}
