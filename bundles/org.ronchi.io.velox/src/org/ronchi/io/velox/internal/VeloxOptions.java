package org.ronchi.io.velox.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.model.DType;

/**
 * The loader's options, named and defaulted as RosettaSciIO's Velox reader names them so that HyperSpy
 * users find the same switches. Values may be typed (Boolean, Integer) or text ("false", "3"), as a
 * command line passes them.
 *
 * @param sumFrames         {@code sum_frames} (true): sum the frames of a spectrum image; false keeps a frame axis
 * @param firstFrame        {@code first_frame} (0): first frame of a spectrum image to read
 * @param lastFrame         {@code last_frame} (null = all): frame after the last one to read
 * @param sumDetectors      {@code sum_EDS_detectors} (true): one spectrum image for all EDS detector
 *                          segments; false gives one per segment
 * @param rebinEnergy       {@code rebin_energy} (1): sum this many channels into one; must divide the channel count
 * @param siDtype           {@code SI_dtype} (null = the stream's StreamEncoding, uint16): dtype of spectrum images
 * @param loadSiImageStack  {@code load_SI_image_stack} (false): in spectrum-image files, read every frame of
 *                          the images acquired alongside (HAADF...), not only the first
 * @param selectType        {@code select_type} (null = everything): "images", "single_spectrum" or "spectrum_image"
 * @param units             {@code units} ("nm"): lengths in nm and 1 / nm; "compact" picks the SI prefix as
 *                          HyperSpy's {@code convert_units} does (µm for a 512-pixel image of 5 nm pixels)
 */
record VeloxOptions(boolean sumFrames, int firstFrame, Integer lastFrame, boolean sumDetectors, int rebinEnergy,
		DType siDtype, boolean loadSiImageStack, String selectType, AxisUnits.Mode units) {

	/** The options as {@code ronchi formats} lists them; the one list of their names. */
	static final List<FormatOption> DESCRIPTION = List.of(
			FormatOption.bool("sum_frames", true, "sum the frames of a spectrum image; false keeps a leading frame axis"),
			new FormatOption("first_frame", "integer", "0", "first frame of a spectrum image to read"),
			new FormatOption("last_frame", "integer", "all", "frame after the last one to read"),
			FormatOption.bool("sum_EDS_detectors", true, "one spectrum image for all EDS detector segments; false: one per segment"),
			new FormatOption("rebin_energy", "integer", "1", "sum this many channels into one; must divide the channel count"),
			new FormatOption("SI_dtype", "text", "the stream's StreamEncoding (uint16)", "dtype of spectrum images, an integer or float NumPy name"),
			FormatOption.bool("load_SI_image_stack", false, "in spectrum-image files, read every frame of the images acquired alongside"),
			new FormatOption("select_type", "images | single_spectrum | spectrum_image", "all", "read only signals of this type"),
			new FormatOption("units", "nm | compact", "nm", "lengths in nm and 1 / nm; compact picks the SI prefix as HyperSpy does"),
			new FormatOption("lazy", "boolean", "—", "accepted and ignored: everything is lazy"));

	private static final Set<String> KNOWN = DESCRIPTION.stream().map(FormatOption::name).collect(java.util.stream.Collectors.toUnmodifiableSet());

	static VeloxOptions parse(Path file, Map<String, Object> o) {
		for (String k : o.keySet()) {
			if (!KNOWN.contains(k)) {
				throw new InvalidRequestException(file, "option " + k, "unknown Velox EMD option; known: " + String.join(", ", new java.util.TreeSet<>(KNOWN)));
			}
		}
		int first = integer(file, o, "first_frame", 0);
		Integer last = o.get("last_frame") == null || "None".equals(o.get("last_frame")) ? null : integer(file, o, "last_frame", 0);
		int rebin = integer(file, o, "rebin_energy", 1);
		if (first < 0 || rebin < 1 || last != null && last <= first) {
			throw new InvalidRequestException(file, "options", "need 0 <= first_frame < last_frame and rebin_energy >= 1; got first_frame "
					+ first + ", last_frame " + last + ", rebin_energy " + rebin);
		}
		String select = text(o, "select_type");
		if (select != null && !Set.of("images", "single_spectrum", "spectrum_image").contains(select)) {
			throw new InvalidRequestException(file, "option select_type", "'" + select + "' is not one of images, single_spectrum, spectrum_image");
		}
		return new VeloxOptions(bool(file, o, "sum_frames", true), first, last, bool(file, o, "sum_EDS_detectors", true), rebin,
				dtype(file, text(o, "SI_dtype")), bool(file, o, "load_SI_image_stack", false), select, units(file, text(o, "units")));
	}

	boolean wants(String type) {
		return selectType == null || selectType.equals(type);
	}

	private static String text(Map<String, Object> o, String key) {
		Object v = o.get(key);
		return v == null || "None".equals(v) ? null : v.toString().trim();
	}

	private static boolean bool(Path file, Map<String, Object> o, String key, boolean def) {
		Object v = o.get(key);
		if (v == null) {
			return def;
		}
		if (v instanceof Boolean b) {
			return b;
		}
		return switch (v.toString().trim().toLowerCase(Locale.ROOT)) {
		case "true", "1", "yes" -> true;
		case "false", "0", "no" -> false;
		default -> throw new InvalidRequestException(file, "option " + key, "'" + v + "' is not true or false");
		};
	}

	private static int integer(Path file, Map<String, Object> o, String key, int def) {
		Object v = o.get(key);
		if (v == null) {
			return def;
		}
		if (v instanceof Integer || v instanceof Long || v instanceof Short) {
			return Math.toIntExact(((Number) v).longValue());
		}
		try {
			return Integer.parseInt(v.toString().trim());
		} catch (NumberFormatException e) {
			throw new InvalidRequestException(file, "option " + key, "'" + v + "' is not an integer");
		}
	}

	private static DType dtype(Path file, String name) {
		if (name == null) {
			return null;
		}
		String n = name.startsWith("numpy.") ? name.substring(6) : name.startsWith("np.") ? name.substring(3) : name;
		try {
			DType t = DType.fromNumpy(n);
			if (t.isNumeric() && !t.isComplex() && t != DType.BOOL) {
				return t;
			}
		} catch (IllegalArgumentException e) {
			// reported below
		}
		throw new InvalidRequestException(file, "option SI_dtype", "'" + name + "' is not an integer or float NumPy dtype");
	}

	private static AxisUnits.Mode units(Path file, String name) {
		if (name == null) {
			return AxisUnits.Mode.NM;
		}
		return switch (name) {
		case "nm" -> AxisUnits.Mode.NM;
		case "compact" -> AxisUnits.Mode.COMPACT;
		default -> throw new InvalidRequestException(file, "option units", "'" + name + "' is not nm or compact");
		};
	}
}
