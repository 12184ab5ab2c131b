package org.ronchi.io.dm.meta;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DM writes acquisition dates and times as text in the Windows locale of the acquiring PC: "8/27/2016"
 * and "8:54:33 PM" (US), "27.08.2016" and "20:54:33" (DE), "27/08/2016" (FR, UK, MX), "08:55:59 p. m."
 * (MX), "2016/08/27" (JP, CN), "2016-08-27 오후 8:54:33" (KR). This turns them into ISO 8601.
 * <p>
 * Day and month are ambiguous in "04/11/2020". As RosettaSciIO (dateutil) does, the month comes first
 * unless the first number cannot be a month; a dotted date is day first. When the file also carries
 * DataBar's "Acquisition Time (OS)" (a Windows FILETIME), the reading that agrees with it wins.
 */
public final class DmDates {
	private static final Pattern NUMBERS = Pattern.compile("(\\d{1,4})\\D{1,3}?(\\d{1,2})\\D{1,3}?(\\d{1,4})");
	private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
	/** 100 ns ticks from 1601-01-01 to 1970-01-01. */
	private static final long FILETIME_EPOCH = 116444736000000000L;

	private DmDates() {
	}

	/**
	 * @param date a date as DM writes it (may carry a time after it, as CL's "Acquisition begin" does)
	 * @param time a time, or null to take one from the date text
	 * @param hint the day the OS clock gives, or null
	 * @return "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd" if there is no time, or null if the date cannot be read
	 */
	public static String iso(String date, String time, LocalDate hint) {
		String d = normalize(date);
		Matcher m = NUMBERS.matcher(d);
		if (!m.find()) {
			return null;
		}
		LocalDate day = date(m.group(1), m.group(2), m.group(3), d.contains("."), hint);
		if (day == null) {
			return null;
		}
		LocalTime t = time(time != null ? time : d.substring(m.end()));
		return t == null ? day.toString() : day.atTime(t).format(ISO);
	}

	/** @return the date part as {@link #iso} reads it, or null */
	public static LocalDate date(String date, LocalDate hint) {
		String iso = iso(date, "", hint);
		return iso == null ? null : LocalDate.parse(iso.substring(0, 10));
	}

	private static LocalDate date(String a, String b, String c, boolean dotted, LocalDate hint) {
		int x = Integer.parseInt(a);
		int y = Integer.parseInt(b);
		int z = Integer.parseInt(c);
		if (a.length() >= 3 || x > 31) {
			return of(x, y, z); // year first: ISO, Japanese, Chinese, Korean
		}
		int year = c.length() <= 2 ? 2000 + z : z;
		LocalDate monthFirst = of(year, x, y);
		LocalDate dayFirst = of(year, y, x);
		if (monthFirst == null || dayFirst == null || monthFirst.equals(dayFirst)) {
			return monthFirst != null ? monthFirst : dayFirst;
		}
		if (hint != null) {
			if (Math.abs(ChronoUnit.DAYS.between(hint, dayFirst)) <= 1) {
				return dayFirst;
			}
			if (Math.abs(ChronoUnit.DAYS.between(hint, monthFirst)) <= 1) {
				return monthFirst;
			}
		}
		return dotted ? dayFirst : monthFirst;
	}

	private static LocalDate of(int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		} catch (DateTimeException e) {
			return null;
		}
	}

	/** @return the time in "4:26:37 PM", "20:50:13", "08:55:59 p. m.", "오후 8:54:33", or null */
	public static LocalTime time(String text) {
		if (text == null) {
			return null;
		}
		String t = normalize(text);
		Matcher m = TIME.matcher(t);
		if (!m.find()) {
			return null;
		}
		int h = Integer.parseInt(m.group(1));
		int min = Integer.parseInt(m.group(2));
		int s = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
		String marker = (t.substring(0, m.start()) + " " + t.substring(m.end())).toLowerCase(Locale.ROOT).replaceAll("[\\s.]", "");
		boolean pm = marker.contains("pm") || marker.contains("오후") || marker.contains("午後")
				|| marker.contains("下午");
		boolean am = !pm && (marker.contains("am") || marker.contains("오전") || marker.contains("午前") || marker.contains("上午"));
		if (pm && h < 12) {
			h += 12;
		} else if (am && h == 12) {
			h = 0;
		}
		try {
			return LocalTime.of(h, min, s);
		} catch (DateTimeException e) {
			return null;
		}
	}

	/** @return the UTC day of a Windows FILETIME (100 ns ticks since 1601), or null if it is not plausible */
	public static LocalDate fileTimeDay(double fileTime) {
		if (!(fileTime > FILETIME_EPOCH) || fileTime > 9.0e18) {
			return null;
		}
		long ticks = (long) fileTime - FILETIME_EPOCH;
		return Instant.ofEpochSecond(ticks / 10_000_000L).atOffset(ZoneOffset.UTC).toLocalDate();
	}

	/** Drops the invisible marks Windows puts in localized dates and makes every space a plain one. */
	private static String normalize(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.getType(c) == Character.FORMAT) {
				continue;
			}
			sb.append(Character.isSpaceChar(c) || Character.isWhitespace(c) ? ' ' : c);
		}
		return sb.toString().strip();
	}
}
