package org.ronchi.io.velox.internal;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.Attributes;

/**
 * A signal's standard metadata: {@code mappings/velox.map} applied to its original tree (with the
 * entry of its own detector added as {@code DetectorMetadata}, which a mapping path cannot select),
 * then what a mapping line cannot express: the title, the acquisition mode, the EDS elements, the
 * signal's type and values.
 */
final class VeloxMetadata {
	/** What the reader knows about a signal beyond its metadata. */
	record Facts(String title, String signalType, String quantity, String units, boolean eds) {
	}

	private VeloxMetadata() {
	}

	static MetadataTree standard(VeloxFile f, MetadataTree original, Facts facts) {
		MetadataTree input = new MetadataTree();
		original.entries().forEach(input::put);
		MetadataTree detector = detector(original);
		if (detector != null) {
			input.put("DetectorMetadata", detector);
		}
		MetadataMapping.Result r = MetadataMappings.forVendor("velox", VeloxLoader.class).apply(input);
		r.warnings().forEach(w -> f.warn("metadata: " + w));
		MetadataTree s = r.standard();
		s.set("general.title", facts.title());
		s.set("general.original_filename", f.path.getFileName().toString());
		String mode = acquisitionMode(f, original.at("Optics", "OperatingMode"));
		if (mode != null) {
			s.set("acquisition.instrument.acquisition_mode", mode);
		}
		// in TEM mode Velox records a negative, meaningless BeamConvergence
		if (s.get("acquisition.instrument.convergence_angle") instanceof Quantity q && q.value() < 0) {
			s.set("acquisition.instrument.convergence_angle", null);
		}
		if (facts.eds() && !f.elements.isEmpty()) {
			s.set("sample.elements", List.copyOf(f.elements));
		}
		s.set("signal.type", facts.signalType());
		s.set("signal.quantity", facts.quantity());
		s.set("signal.units", facts.units());
		return s;
	}

	/** Optics/OperatingMode as Velox writes it: 1 = TEM, 2 = STEM. */
	private static String acquisitionMode(VeloxFile f, Object code) {
		String c = Attributes.asString(code);
		if (c == null || c.isEmpty()) {
			return null;
		}
		switch (c) {
		case "1":
			return "TEM";
		case "2":
			return "STEM";
		default:
			f.warn("metadata: unsupported Optics/OperatingMode: " + c + "; no acquisition mode given");
			return null;
		}
	}

	/**
	 * @return the {@code Detectors/Detector-N} entry of the detector that recorded the signal: N from
	 *         BinaryResult/DetectorIndex, else the entry whose DetectorName is (or, for an EDS detector's
	 *         summed segments such as "SuperXG2", starts) BinaryResult/Detector; null if none
	 */
	static MetadataTree detector(MetadataTree original) {
		if (!(original.child("Detectors") instanceof MetadataTree all)) {
			return null;
		}
		String index = Attributes.asString(original.at("BinaryResult", "DetectorIndex"));
		if (index != null && all.child("Detector-" + index) instanceof MetadataTree d) {
			return d;
		}
		String name = Attributes.asString(original.at("BinaryResult", "Detector"));
		if (name == null || name.isEmpty()) {
			return null;
		}
		MetadataTree prefixed = null;
		for (Object o : all.entries().values()) {
			if (o instanceof MetadataTree d) {
				String n = Attributes.asString(d.child("DetectorName"));
				if (name.equals(n)) {
					return d;
				}
				if (prefixed == null && n != null && n.contains(name)) {
					prefixed = d;
				}
			}
		}
		return prefixed;
	}

	/**
	 * @return the elements selected for EDS quantification: version 11's
	 *         SharedProperties/EDSSpectrumQuantificationSettings, or the Image- or
	 *         SpectrumQuantificationOperation of earlier versions; the first non-empty selection
	 */
	static List<String> elements(VeloxFile f) {
		String[][] places = { { "SharedProperties", "EDSSpectrumQuantificationSettings" },
				{ "Operations", "ImageQuantificationOperation" }, { "Operations", "SpectrumQuantificationOperation" } };
		for (String[] place : places) {
			if (f.blocks.at(place) instanceof MetadataTree byUuid) {
				for (Object o : byUuid.entries().values()) {
					if (o instanceof MetadataTree settings) {
						List<Object> rejected = new ArrayList<>();
						List<String> symbols = Elements.symbols(settings.child("elementSelection"), rejected);
						if (!rejected.isEmpty()) {
							f.warn("metadata: elementSelection holds " + rejected + ", which are not atomic numbers");
						}
						if (!symbols.isEmpty()) {
							return symbols;
						}
					}
				}
			}
		}
		return List.of();
	}
}
