package org.ronchi.io.velox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;

/**
 * The names Velox gives its data, by the uuid of their {@code /Data/<kind>/<uuid>} group, from the
 * file-level JSON blocks:
 * <ul>
 * <li>the detector behind each image, from the {@code /Operations} that produced it (files before
 * version 11): a camera's or STEM detector's name, "iDPC"/"dDPC" for DPC reconstructions, "Half FFT"
 * for FFTs; the same names and precedence as RosettaSciIO's {@code _get_detector_name};</li>
 * <li>the label of the display showing each image: {@code /Presentation/Displays/ImageDisplay}
 * (before version 11, labels percent-encoded) or {@code /Displays/ImageDisplay} through
 * {@code /SharedProperties/ImageSeriesDataReference} (version 11 and later). Element maps of a
 * spectrum image are named only here ("Cu", "O").</li>
 * </ul>
 */
final class SignalTitles {
	/** Operations that produce an image, in the order their names take precedence. */
	private static final List<String> PRODUCERS = List.of("CameraInputOperation", "StemInputOperation",
			"SurfaceReconstructionOperation", "MathematicsOperation", "DpcOperation", "IntegrationOperation", "FftOperation");

	private final Map<String, String> detectors = new HashMap<>();
	private final Map<String, String> displays = new HashMap<>();

	static SignalTitles of(MetadataTree file) {
		SignalTitles t = new SignalTitles();
		if (file.child("Operations") instanceof MetadataTree ops) {
			for (String type : PRODUCERS) {
				if (ops.child(type) instanceof MetadataTree byUuid) {
					for (Object op : byUuid.entries().values()) {
						if (op instanceof MetadataTree o) {
							t.addProducer(type, o);
						}
					}
				}
			}
		}
		if (file.at("Presentation", "Displays", "ImageDisplay") instanceof MetadataTree old) {
			for (Object d : old.entries().values()) {
				if (d instanceof MetadataTree display && display.at("display", "label") != null) {
					t.displays.putIfAbsent(uuidOf(display.child("dataPath")), percentDecoded(text(display.at("display", "label"))));
				}
			}
		}
		if (file.at("Displays", "ImageDisplay") instanceof MetadataTree v11) {
			for (Object d : v11.entries().values()) {
				if (d instanceof MetadataTree display && display.child("data") != null) {
					String ref = uuidOf(display.child("data"));
					Object dataPath = file.at("SharedProperties", "ImageSeriesDataReference", ref, "dataPath");
					Object title = display.child("title") != null ? display.child("title") : display.child("id");
					if (dataPath != null && title != null) {
						t.displays.putIfAbsent(uuidOf(dataPath), text(title));
					}
				}
			}
		}
		t.detectors.remove("");
		t.displays.remove("");
		return t;
	}

	/** One switch over the operations that name an image; RosettaSciIO's names. */
	private void addProducer(String type, MetadataTree op) {
		String data = uuidOf(op.child("dataPath"));
		switch (type) {
		case "CameraInputOperation" -> detectors.putIfAbsent(data, text(op.child("cameraName")));
		case "StemInputOperation" -> detectors.putIfAbsent(data, text(op.child("detector")));
		case "SurfaceReconstructionOperation" -> {
			String dpc = "true".equals(text(op.child("integrationMode"))) ? "iDPC" : "dDPC";
			if (op.child("unfilteredDataPath") != null) {
				detectors.putIfAbsent(uuidOf(op.child("unfilteredDataPath")), dpc);
			}
			detectors.putIfAbsent(data, "true".equals(text(op.child("enableFilter"))) ? "Filtered " + dpc : dpc);
		}
		case "MathematicsOperation" -> {
			Object outputs = op.child("outputs");
			Object first = outputs instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
			String input = first instanceof MetadataTree o ? text(o.child("inputIndex")) : "";
			if (input.equals("0") || input.equals("1")) {
				detectors.putIfAbsent(data, input.equals("0") ? "A-C" : "B-D");
			}
		}
		case "DpcOperation" -> detectors.putIfAbsent(data, "DPC");
		case "IntegrationOperation" -> detectors.putIfAbsent(data, "DCFI");
		case "FftOperation" -> detectors.putIfAbsent(uuidOf(op.child("imageOutputPath")), "Half FFT");
		default -> throw new IllegalStateException("unsupported operation: " + type);
		}
	}

	/** @return the detector or operation that produced the data, or null */
	String detector(String uuid) {
		return detectors.get(uuid);
	}

	/** @return the label of the display that shows the data, or null */
	String display(String uuid) {
		return displays.get(uuid);
	}

	/** @return the last segment of a "/Data/Image/&lt;uuid&gt;" path, "" when there is none */
	static String uuidOf(Object path) {
		String p = text(path);
		int slash = p.lastIndexOf('/');
		return slash < 0 ? p : p.substring(slash + 1);
	}

	private static String text(Object o) {
		String s = Attributes.asString(o);
		return s == null ? "" : s;
	}

	/** Decodes %XX escapes only ("FFT%231%28HAADF%29" is "FFT#1(HAADF)"); '+' stays '+'. */
	static String percentDecoded(String s) {
		if (s.indexOf('%') < 0) {
			return s;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int hi = i + 2 < s.length() && c == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
			int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
			if (lo >= 0) {
				out.write(hi * 16 + lo);
				i += 2;
			} else {
				byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				out.write(b, 0, b.length);
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}
}
