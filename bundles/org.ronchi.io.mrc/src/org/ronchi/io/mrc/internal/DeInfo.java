package org.ronchi.io.mrc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ronchi.core.io.RonchiException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;

/**
 * The {@code <dataset>_info.txt} sidecar Direct Electron's DE-Server writes beside each saved movie:
 * one {@code key = value} line per server property ("Scan - Size X = 8",
 * "Frames Per Second = 40000"). Keys and values are kept verbatim as text; lines without '=' are
 * reported and skipped.
 */
final class DeInfo {
	/** A sidecar larger than this is not a DE property list. */
	static final long MAX_SIZE = 16 << 20;

	private final MetadataTree values;

	private DeInfo(MetadataTree values) {
		this.values = values;
	}

	static DeInfo read(Path file, List<String> warnings) {
		try {
			if (Files.size(file) > MAX_SIZE) {
				throw new RonchiException(file, null, "is too large for a DE metadata sidecar (" + Files.size(file) + " bytes)");
			}
			List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
			MetadataTree t = new MetadataTree();
			int n = 0;
			for (String line : lines) {
				n++;
				if (line.isBlank()) {
					continue;
				}
				int eq = line.indexOf('=');
				if (eq < 0) {
					warnings.add(file.getFileName() + ":" + n + ": not a 'key = value' line, skipped");
					continue;
				}
				t.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
			}
			return new DeInfo(t);
		} catch (IOException e) {
			throw new RonchiException(file, null, "cannot be read: " + e.getMessage(), e);
		}
	}

	MetadataTree tree() {
		return values;
	}

	String text(String key, String fallback) {
		Object v = values.child(key);
		return v == null ? fallback : v.toString();
	}

	/** @return the value as a number, or NaN if absent or not a number */
	double number(String key) {
		Double d = Attributes.asDouble(values.child(key));
		return d == null ? Double.NaN : d;
	}

	/** @return the value as a positive int, or fallback */
	int positive(String key, int fallback) {
		double d = number(key);
		return d >= 1 && d < Integer.MAX_VALUE && d == Math.rint(d) ? (int) d : fallback;
	}

	boolean enabled(String key) {
		return "Enable".equalsIgnoreCase(text(key, ""));
	}

	/** @return true if the acquisition was a STEM scan (the DE "Scan - Enable" property, or the microscope's mode) */
	boolean scanning() {
		return enabled("Scan - Enable");
	}

	/** @return true if the frames are diffraction patterns: a positive camera length, or a STEM scan */
	boolean diffracting() {
		double cl = number("Instrument Project Camera Length (centimeters)");
		return cl > 0 || scanning();
	}
}
