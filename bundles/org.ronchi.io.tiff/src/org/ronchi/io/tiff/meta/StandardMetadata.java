package org.ronchi.io.tiff.meta;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.Attributes;
import org.ronchi.io.tiff.vendor.Dates;
import org.ronchi.io.tiff.vendor.FeiIni;
import org.ronchi.io.tiff.vendor.SightX;
import org.ronchi.io.tiff.vendor.Vendor;
import org.ronchi.io.tiff.vendor.ZeissSem;

/**
 * A page's standard metadata (docs/metadata.md): each vendor's mapping file applied to the original tree,
 * most trusted vendor first, then the baseline TIFF mapping ({@code tiff.map}: Make, Model, Artist), then
 * what a mapping line cannot express: dates assembled from separate fields into ISO 8601, the acquisition
 * mode, TVIPS stage arrays, SightX magnification versus camera length.
 */
public final class StandardMetadata {
	private StandardMetadata() {
	}

	public static MetadataTree build(PageMetadata pm, String fileName, List<String> warnings) {
		MetadataTree std = new MetadataTree();
		MetadataTree original = pm.original();
		for (Vendor v : pm.vendors()) {
			if (v.mapping() != null) {
				fill(std, map(v.mapping(), original, warnings));
			}
		}
		fill(std, map("tiff", original, warnings));
		MetadataTree computed = new MetadataTree();
		for (Vendor v : pm.vendors()) {
			computed(v, pm.vendor(v), computed);
		}
		String date = dateTime(pm);
		if (date != null) {
			computed.set("general.date_time", date);
		}
		fill(std, computed);
		if (pm.vendor(Vendor.TVIPS) instanceof MetadataTree tv && Long.valueOf(3).equals(asLong(tv.child("TemMode")))
				&& std.get("acquisition.instrument.magnification") instanceof Quantity q) {
			// TemMode 3 is diffraction: EM-MENU stores the camera length in the magnification field
			std.set("acquisition.instrument.magnification", null);
			std.set("acquisition.instrument.camera_length", new Quantity(q.value(), "mm"));
		}
		dropEmpty(std);
		std.set("general.original_filename", fileName);
		return std;
	}

	private static Long asLong(Object o) {
		return o instanceof Number n ? n.longValue() : null;
	}

	/** Empty vendor fields (FEI writes "Temperature=") carry no fact: leave them out of the standard tree. */
	private static void dropEmpty(MetadataTree t) {
		for (String k : List.copyOf(t.keys())) {
			Object v = t.child(k);
			if (v instanceof MetadataTree sub) {
				dropEmpty(sub);
				if (sub.isEmpty()) {
					t.put(k, null);
				}
			} else if (v instanceof String s && s.isBlank()) {
				t.put(k, null);
			}
		}
	}

	private static MetadataTree map(String vendor, MetadataTree original, List<String> warnings) {
		MetadataMapping m = MetadataMappings.forVendor(vendor, StandardMetadata.class);
		MetadataMapping.Result r = m.apply(original);
		MetadataTree std = r.standard();
		warnings.addAll(r.warnings());
		UnitReconciler.apply(m, original, std, warnings);
		dropEmpty(std); // an empty field must not hide a later source's value
		return std;
	}

	/** Copies leaves of {@code from} whose keys {@code into} does not have yet: the first source wins. */
	static void fill(MetadataTree into, MetadataTree from) {
		for (Map.Entry<String, Object> e : from.entries().entrySet()) {
			Object mine = into.child(e.getKey());
			if (e.getValue() instanceof MetadataTree sub) {
				if (mine == null) {
					into.put(e.getKey(), sub.copy());
				} else if (mine instanceof MetadataTree m) {
					fill(m, sub);
				}
			} else if (mine == null) {
				into.put(e.getKey(), e.getValue());
			}
		}
	}

	/** The one switch over vendors for what their mapping files cannot say. */
	private static void computed(Vendor v, MetadataTree t, MetadataTree out) {
		switch (v) {
		case FEI, ZEISS -> out.set("acquisition.instrument.acquisition_mode", "SEM");
		case TVIPS -> {
			out.set("acquisition.instrument.acquisition_mode", "TEM");
			if (t.child("TemStagePosition") instanceof double[] s && s.length == 5) {
				out.set("acquisition.stage.x", new Quantity(s[0] * 1e3, "mm"));
				out.set("acquisition.stage.y", new Quantity(s[1] * 1e3, "mm"));
				out.set("acquisition.stage.z", new Quantity(s[2] * 1e3, "mm"));
				out.set("acquisition.stage.tilt_alpha", new Quantity(s[3], "deg"));
				out.set("acquisition.stage.tilt_beta", new Quantity(s[4], "deg"));
			}
		}
		case JEOL_SIGHTX -> {
			MetadataTree r = SightX.reporter(t);
			if (r != null) {
				out.set("general.title", SightX.title(r));
				out.set("acquisition.instrument.acquisition_mode", SightX.mode(r));
				Double sel = Attributes.asDouble(r.at("ImageFormingSystem", "SelectorValue"));
				if (sel != null && "DIFF".equals(Attributes.asString(r.at("ImageFormingSystem", "ModeString")))) {
					String u = Attributes.asString(r.at("ImageFormingSystem", "SelectorUnitString"));
					double f = "cm".equals(u) ? 10 : "m".equals(u) ? 1000 : 1;
					out.set("acquisition.instrument.camera_length", new Quantity(sel * f, "mm"));
				} else if (sel != null) {
					out.set("acquisition.instrument.magnification", new Quantity(sel, ""));
				}
			}
		}
		case OLYMPUS_SIS, DIGITAL_MICROGRAPH, IMAGEJ -> {
		}
		default -> throw new IllegalStateException("unsupported vendor: " + v);
		}
	}

	/** @return the acquisition time from the most trusted vendor, else the EXIF or TIFF DateTime tag */
	static String dateTime(PageMetadata pm) {
		for (Vendor v : pm.vendors()) {
			MetadataTree t = pm.vendor(v);
			String d = switch (v) {
			case FEI -> FeiIni.dateTime(t);
			case ZEISS -> ZeissSem.dateTime(t);
			case JEOL_SIGHTX -> {
				MetadataTree r = SightX.reporter(t);
				yield r == null ? null : iso(Attributes.asString(r.child("DateTime")));
			}
			case OLYMPUS_SIS, TVIPS, DIGITAL_MICROGRAPH, IMAGEJ -> null; // SIS: its mapping file reads the date
			};
			if (d != null) {
				return d;
			}
		}
		Object exif = pm.original().at("Exif", "DateTimeOriginal");
		String d = tiffDate(exif instanceof String s ? s : null);
		return d != null ? d : tiffDate(Attributes.asString(pm.tiff().child("DateTime")));
	}

	/** TIFF 6.0 DateTime: "YYYY:MM:DD HH:MM:SS". */
	private static String tiffDate(String s) {
		if (s == null || s.length() < 19) {
			return null;
		}
		String t = s.substring(0, 10).replace(':', '-') + "T" + s.substring(11, 19);
		try {
			return Dates.iso(LocalDateTime.parse(t));
		} catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String iso(String s) {
		if (s == null) {
			return null;
		}
		try {
			return Dates.iso(OffsetDateTime.parse(s.strip()));
		} catch (DateTimeParseException e) {
			try {
				return Dates.iso(LocalDateTime.parse(s.strip()));
			} catch (DateTimeParseException e2) {
				return null;
			}
		}
	}
}
