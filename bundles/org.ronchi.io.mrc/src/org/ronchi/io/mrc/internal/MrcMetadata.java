package org.ronchi.io.mrc.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.Attributes;

/**
 * The standard metadata of an MRC signal: {@code mappings/mrc.map} applied to the original tree, plus
 * what a mapping line cannot express (see the comment at the top of the mapping file).
 */
final class MrcMetadata {
	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
	/** Day 0 of an OLE Automation date, the FEI extended header's Timestamp. */
	private static final LocalDateTime OLE_EPOCH = LocalDateTime.of(1899, 12, 30, 0, 0);
	/** Instrument settings that are never 0 in a real acquisition: FEI writes 0 for "not recorded". */
	private static final String[] NEVER_ZERO = { "beam_energy", "magnification", "camera_length", "convergence_angle", "dwell_time",
			"exposure_time" };

	private MrcMetadata() {
	}

	static MetadataTree standard(MetadataTree original, String title, String fileName, String signalType, List<String> warnings) {
		MetadataMapping.Result r = MetadataMappings.forVendor("mrc", MrcMetadata.class).apply(original);
		warnings.addAll(r.warnings());
		MetadataTree s = r.standard();
		s.set("general.title", title);
		s.set("general.original_filename", fileName);
		Object fei = original.at("extended_header", "frames", "0");
		if (fei instanceof MetadataTree frame) {
			Double days = Attributes.asDouble(frame.child("Timestamp"));
			if (days != null && days > 1 && days < 2_958_465) {
				s.set("general.date_time", ISO.format(OLE_EPOCH.plusNanos(Math.round(days * 86_400) * 1_000_000_000L)));
			}
			if (!(s.get("acquisition.detector.name") instanceof String d) || d.isBlank()) {
				// "STEM Detector name" is blank in camera images: the camera's name is the detector then
				if (frame.child("Camera name") instanceof String c && !c.isBlank()) {
					s.set("acquisition.detector.name", c);
				} else if (s.get("acquisition.detector") instanceof MetadataTree det) {
					det.put("name", null);
				}
			}
			if (frame.child("Instrument mode") instanceof Integer mode && (mode == 1 || mode == 2)) {
				s.set("acquisition.instrument.acquisition_mode", mode == 1 ? "TEM" : "STEM");
			}
		}
		if (original.child("de_info") instanceof MetadataTree de) {
			Object stem = de.child("Instrument Project TEMorSTEM Mode");
			if ("Enable".equalsIgnoreCase(String.valueOf(de.child("Scan - Enable"))) || "1".equals(stem)) {
				s.set("acquisition.instrument.acquisition_mode", "STEM");
			} else if ("0".equals(stem)) {
				s.set("acquisition.instrument.acquisition_mode", "TEM");
			}
		}
		if (s.get("acquisition.instrument") instanceof MetadataTree inst) {
			for (String key : NEVER_ZERO) {
				if (inst.child(key) instanceof Quantity q && !(q.value() > 0)) {
					inst.put(key, null);
				}
			}
		}
		if (signalType != null) {
			s.set("signal.type", signalType);
		}
		return s;
	}
}
