package org.ronchi.io.dm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ronchi.io.dm.meta.DmDates;

/**
 * Localized DataBar dates and times. The locale cases are those of RosettaSciIO's
 * {@code test_location} (files "Fei HAADF-{DE,FR,MX,UK}_location.dm3", not in the test data here: all
 * 2016-08-27, DE 20:54:33, FR 20:55:20, MX 20:55:59, UK 20:52:30) written as those Windows locales
 * write them, plus RosettaSciIO's {@code test_get_date}/{@code test_get_time} values.
 */
class DmDatesTest {

	@ParameterizedTest(name = "{0}: {1} {2}")
	@CsvSource(delimiter = '|', value = {
			"US | 8/27/2016  | 8:54:33 PM      | 2016-08-27T20:54:33",
			"DE | 27.08.2016 | 20:54:33        | 2016-08-27T20:54:33",
			"FR | 27/08/2016 | 20:55:20        | 2016-08-27T20:55:20",
			"MX | 27/08/2016 | 08:55:59 p. m.  | 2016-08-27T20:55:59",
			"UK | 27/08/2016 | 20:52:30        | 2016-08-27T20:52:30",
			"JP | 2016/08/27 | 20:52:30        | 2016-08-27T20:52:30",
			"KR | 2016-08-27 | 오후 8:52:30    | 2016-08-27T20:52:30",
			"CN | 2016年8月27日 | 下午 8:52:30 | 2016-08-27T20:52:30",
			"RS test_get_date/time | 11/13/2016 | 6:56:37 pm | 2016-11-13T18:56:37",
			"midnight | 8/8/2016 | 12:05:00 AM | 2016-08-08T00:05:00",
			"noon | 8/8/2016 | 12:05:00 PM | 2016-08-08T12:05:00",
			"two-digit year | 8/27/16 | 8:54 PM | 2016-08-27T20:54:00",
			"CL pmt oracle: day > 12 so day first | 27/10/2020 13:34:29 | | 2020-10-27T13:34:29",
			"CL ccd oracle: ambiguous is month first | 09/11/2020 | 17:04:19 | 2020-09-11T17:04:19",
			"dotted ambiguous is day first | 05.08.2016 | 10:00:00 | 2016-08-05T10:00:00" })
	void localizedFormats(String locale, String date, String time, String iso) {
		assertEquals(iso, DmDates.iso(date, time, null)); // a null time is read from the date text
	}

	@Test
	void windowsMarksAndNonBreakingSpacesAreIgnored() {
		assertEquals("2016-08-27T20:55:59", DmDates.iso("\u200e27/\u200e08/\u200e2016", "08:55:59\u00a0p.\u00a0m.", null));
		assertEquals(LocalTime.of(20, 55, 59), DmDates.time("08:55:59 p.\u202fm."));
	}

	@Test
	void theOsClockDecidesAmbiguousDates() {
		LocalDate november = LocalDate.of(2020, 11, 4);
		assertEquals("2020-11-04T14:41:01", DmDates.iso("04/11/2020", "14:41:01", november));
		assertEquals("2020-04-11T14:41:01", DmDates.iso("04/11/2020", "14:41:01", LocalDate.of(2020, 4, 11)));
		assertEquals("2020-04-11T14:41:01", DmDates.iso("04/11/2020", "14:41:01", LocalDate.of(1999, 1, 1)));
		// DataBar "Acquisition Time (OS)" of test_STEM_image.dm3: 2016-08-08 15:26:37 UTC
		assertEquals(LocalDate.of(2016, 8, 8), DmDates.fileTimeDay(1.3115143597000824e17));
		assertNull(DmDates.fileTimeDay(0));
		assertNull(DmDates.fileTimeDay(Double.NaN));
	}

	@Test
	void unreadableTextGivesNothing() {
		assertNull(DmDates.iso("notadate", "12:00:00", null));
		assertNull(DmDates.iso("13/13/2016", "12:00:00", null));
		assertEquals("2016-08-08", DmDates.iso("8/8/2016", "25:61:00", null), "a bad time keeps the date");
		assertEquals("2016-08-08", DmDates.iso("8/8/2016", "", null));
		assertNull(DmDates.time(""));
	}
}
