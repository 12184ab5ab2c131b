package org.ronchi.io.tia.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;

/**
 * The standard metadata of one SER signal: {@code mappings/tia.map} applied to the original tree, plus
 * what a mapping line cannot express (see the comment at the top of the mapping file).
 */
final class TiaMetadata {
	/** EMI AcquireDate, C's asctime format: "Sun Feb 21 17:53:06 2016". */
	private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US);
	/** ISO 8601 with seconds always written (LocalDateTime.toString drops ":00"). */
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

	private TiaMetadata() {
	}

	/**
	 * @param original the signal's original tree
	 * @param tagTime  the first element's acquisition time (seconds since 1970, UTC), or -1
	 * @param warnings receives mapping problems
	 */
	static MetadataTree standard(MetadataTree original, String title, String fileName, long tagTime, String signalType,
			List<String> warnings) {
		MetadataMapping.Result r = MetadataMappings.forVendor("tia", TiaMetadata.class).apply(original);
		warnings.addAll(r.warnings());
		MetadataTree s = r.standard();
		s.set("general.title", title);
		s.set("general.original_filename", fileName);
		String date = dateTime(original.at("ObjectInfo", "AcquireDate"), tagTime);
		if (date != null) {
			s.set("general.date_time", date);
		}
		if (original.at("ObjectInfo", "ExperimentalDescription", "Mode") instanceof String mode && !mode.isBlank()) {
			s.set("acquisition.instrument.acquisition_mode", mode.contains("STEM") ? "STEM" : "TEM");
		}
		if (s.get("acquisition.instrument.microscope") instanceof String m) {
			String name = m.strip();
			s.set("acquisition.instrument.microscope", name.startsWith("Microscope ") ? name.substring(11).strip() : name);
		}
		if (original.at("ObjectInfo", "AcquireInfo", "CameraNamePath") != null
				&& s.get("acquisition.instrument.dwell_time") instanceof Quantity q) {
			// a camera has no dwell time: TIA puts the exposure into the same field
			s.set("acquisition.instrument.exposure_time", q);
			((MetadataTree) s.get("acquisition.instrument")).put("dwell_time", null);
		}
		if (signalType != null) {
			s.set("signal.type", signalType);
		}
		return s;
	}

	/**
	 * @return ISO 8601 local date-time of the EMI AcquireDate, with the UTC offset when the SER tag time
	 *         (UTC) gives it; the tag time alone (in UTC) if there is no EMI; else null
	 */
	static String dateTime(Object acquireDate, long tagTime) {
		LocalDateTime local = null;
		if (acquireDate instanceof String text) {
			try {
				local = LocalDateTime.parse(text.strip().replaceAll("\\s+", " "), ASCTIME);
			} catch (DateTimeParseException e) {
				local = null;
			}
		}
		if (local == null) {
			return tagTime > 0 ? ISO.format(Instant.ofEpochSecond(tagTime).atOffset(ZoneOffset.UTC)) + "Z" : null;
		}
		if (tagTime > 0) {
			long diff = Duration.between(Instant.ofEpochSecond(tagTime), local.toInstant(ZoneOffset.UTC)).getSeconds();
			// the tag is written when the element is, a few seconds after the acquisition starts
			long quarter = Math.round(diff / 900.0);
			if (Math.abs(diff - quarter * 900) <= 120 && Math.abs(quarter) <= 14 * 4) {
				return ISO.format(local) + ZoneOffset.ofTotalSeconds((int) quarter * 900).getId();
			}
		}
		return ISO.format(local);
	}
}
