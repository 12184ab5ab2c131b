package org.ronchi.io.dm.meta;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.Attributes;
import org.ronchi.io.dm.image.DmImage;
import org.ronchi.io.dm.image.SignalHints;

/**
 * The two metadata trees of a DM signal. The original is the file's tag tree with ImageList narrowed to
 * the signal's own image (under its index, so paths are those of the file). The standard tree comes from
 * {@code mappings/dm.map}; this class adds what a mapping line cannot express, each as RosettaSciIO
 * derives it: the signal type and quantity, the acquisition mode from the illumination mode, the date
 * from localized text, a TEM diffraction pattern's camera length (DM's "Indicated Magnification"), the
 * EELS/CL integration time (exposure x frames), the EELS aperture from its label ("5 mm") and the CL
 * detector type.
 */
public final class DmMetadata {
	/** The name of the mapping file: {@code mappings/dm.map}. */
	public static final String VENDOR = "dm";
	private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([-+]?\\d+(?:\\.\\d*)?)");

	private DmMetadata() {
	}

	/** @return a copy of the tag tree in which ImageList holds only this image */
	public static MetadataTree original(MetadataTree root, DmImage image) {
		MetadataTree t = new MetadataTree();
		for (Map.Entry<String, Object> e : root.entries().entrySet()) {
			t.put(e.getKey(), e.getKey().equals("ImageList") ? new MetadataTree().put(image.key(), image.entry()) : e.getValue());
		}
		return t.copy();
	}

	/** @return what the tags say about the layout of the image's data */
	public static SignalHints hints(DmImage image) {
		ImageTags tags = new ImageTags(image.imageTags());
		boolean diffraction = "TEM".equals(mode(tags)) && "DIFFRACTION".equals(tags.text("Microscope Info", "Imaging Mode"));
		return new SignalHints(signalType(tags), tags.ownText("Meta Data", "Format"), image.imageTags().child("spim") != null,
				diffraction);
	}

	/**
	 * @return the quantity of the values as RosettaSciIO names it ("Intensity", "Electrons (Counts)",
	 *         "X-rays (Counts)") and their units ("" if none)
	 */
	public static String[] quantity(DmImage image, String signalType) {
		String units = image.brightness().units();
		String quantity = "Intensity";
		if (units.equals("e-")) {
			units = "Counts";
			quantity = "Electrons";
		}
		if (signalType.equals("EDS_TEM")) {
			quantity = "X-rays";
		}
		return new String[] { units.isEmpty() ? quantity : quantity + " (" + units + ")", units };
	}

	/**
	 * @param original the signal's original tree, from {@link #original}
	 * @param warn receives what the mapping could not convert
	 * @return the standard tree
	 */
	public static MetadataTree standard(MetadataTree original, DmImage image, SignalHints hints, String fileName,
			Consumer<String> warn) {
		MetadataMapping.Result mapped = MetadataMappings.forVendor(VENDOR, DmMetadata.class).apply(withoutEmptyText(original));
		mapped.warnings().forEach(warn);
		MetadataTree s = mapped.standard();
		ImageTags tags = new ImageTags(image.imageTags());
		s.set("general.original_filename", fileName);
		String when = dateTime(tags, hints.signalType());
		if (when != null) {
			s.set("general.date_time", when);
		}
		instrument(s, tags);
		if (!hints.signalType().isEmpty()) {
			s.set("signal.type", hints.signalType());
		}
		String[] q = quantity(image, hints.signalType());
		s.set("signal.quantity", q[0]);
		if (!q[1].isEmpty()) {
			s.set("signal.units", q[1]);
		}
		detector(s, tags, hints.signalType());
		return s;
	}

	static String signalType(ImageTags tags) {
		String signal = tags.ownText("Meta Data", "Signal");
		if (signal.equals("X-ray")) {
			return "EDS_TEM";
		}
		if (signal.equals("CL") || tags.own().at("Acquisition", "Monarc Spectrometer") != null) {
			return "CL";
		}
		if (signal.equals("EELS") || tags.own().at("spim", "eels") != null) {
			return "EELS";
		}
		return "";
	}

	/** @return "STEM", "SEM" or "TEM" from Microscope Info/Illumination Mode, or null if absent */
	static String mode(ImageTags tags) {
		String m = tags.text("Microscope Info", "Illumination Mode");
		if (m == null) {
			return null;
		}
		return m.contains("STEM") ? "STEM" : m.contains("SEM") ? "SEM" : "TEM";
	}

	/**
	 * The acquisition start: the spectrometer's own record first (EELS, EDS, CL), then the spectrum
	 * image's, then the DataBar's, as RosettaSciIO's mapping order makes it.
	 */
	static String dateTime(ImageTags tags, String signalType) {
		Double os = tags.number("DataBar", "Acquisition Time (OS)");
		LocalDate hint = os == null ? null : DmDates.fileTimeDay(os);
		String group = switch (signalType) {
		case "EELS" -> "EELS";
		case "EDS_TEM" -> "EDS";
		case "CL" -> "CL";
		default -> null;
		};
		String[][] sources = {
				{ group, "Acquisition", "Date" }, { group, "Acquisition", "Start time" },
				{ "CL".equals(group) ? "CL" : null, "Acquisition", "Acquisition begin" }, null,
				{ "SI", "Acquisition", "Date" }, { "SI", "Acquisition", "Start time" },
				{ "DataBar", "Acquisition Date" }, { "DataBar", "Acquisition Time" } };
		for (int i = 0; i < sources.length; i += 2) {
			if (sources[i][0] == null) {
				continue;
			}
			String date = tags.text(sources[i]);
			String iso = date == null ? null
					: DmDates.iso(date, sources[i + 1] == null ? null : tags.text(sources[i + 1]), hint);
			if (iso != null) {
				return iso;
			}
		}
		return null;
	}

	private static void instrument(MetadataTree s, ImageTags tags) {
		String mode = mode(tags);
		if (mode == null) {
			return;
		}
		s.set("acquisition.instrument.acquisition_mode", mode);
		if (mode.equals("TEM")) {
			// DM's "STEM Camera Length" is stale in TEM; in diffraction the indicated "magnification" is the camera length
			s.set("acquisition.instrument.camera_length", null);
			if ("DIFFRACTION".equals(tags.text("Microscope Info", "Imaging Mode"))) {
				Double cl = tags.number("Microscope Info", "Indicated Magnification");
				s.set("acquisition.instrument.magnification", null);
				if (cl != null) {
					s.set("acquisition.instrument.camera_length", new Quantity(cl, "mm"));
				}
			}
		}
	}

	private static void detector(MetadataTree s, ImageTags tags, String signalType) {
		String group = signalType.equals("EELS") ? "EELS" : signalType.equals("CL") ? "CL" : null;
		if (group != null) {
			Double integration = tags.number(group, "Acquisition", "Integration time (s)");
			Double exposure = tags.number(group, "Acquisition", "Exposure (s)");
			if (integration == null && exposure != null) {
				Double frames = tags.number(group, "Acquisition", "Number of frames");
				integration = exposure * (frames == null ? 1 : frames);
			}
			if (integration != null) {
				s.set("acquisition.detector.integration_time", new Quantity(integration, "s"));
				if (group.equals("EELS") && tags.has("DigiScan") && !s.has("acquisition.instrument.dwell_time")) {
					s.set("acquisition.instrument.dwell_time", new Quantity(integration, "s")); // spectrum image: per pixel
				}
			}
		}
		if (signalType.equals("CL")) {
			String mode = tags.text("Meta Data", "Acquisition Mode");
			String type = "Parallel dispersive".equals(mode) ? "CCD" : "Serial dispersive".equals(mode) ? "PMT" : null;
			if (type != null) {
				s.set("acquisition.detector.type", type);
			}
		}
		String aperture = tags.text("EELS Spectrometer", "Aperture label");
		Matcher m = aperture == null ? null : LEADING_NUMBER.matcher(aperture);
		if (m != null && m.find()) {
			s.set("acquisition.spectrometer.aperture_size", new Quantity(Double.parseDouble(m.group(1)), "mm"));
		}
		double[] px = Attributes.asDoubles(tags.at("Acquisition", "Device", "CCD", "Pixel Size (um)"));
		if (px != null && px.length == 2 && px[0] == px[1]) {
			s.set("acquisition.detector.pixel_size", new Quantity(px[0], "µm"));
		}
	}

	/** @return a copy without empty texts, which DM writes for unset fields; a mapping must skip them */
	static MetadataTree withoutEmptyText(MetadataTree t) {
		MetadataTree out = new MetadataTree();
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			Object v = e.getValue();
			if (v instanceof MetadataTree sub) {
				out.put(e.getKey(), withoutEmptyText(sub));
			} else if (!(v instanceof String s && s.isBlank())) {
				out.put(e.getKey(), v);
			}
		}
		return out;
	}
}
