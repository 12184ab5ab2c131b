package org.ronchi.io.hspy;

import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;

/**
 * A HyperSpy file format version ({@code file_format_version} on the root, "1.0" to "3.1" so far), as
 * HyperSpy works it out: written as text or as a float (early 1.x), absent in 1.0 files, which are
 * recognised by their {@code Experiments} group.
 */
public record HspyVersion(int major, int minor) implements Comparable<HspyVersion> {
	/** The version Ronchi writes: HyperSpy 1.7's. */
	public static final HspyVersion WRITTEN = new HspyVersion(3, 1);
	/** Below it, the metadata groups were named {@code mapped_parameters} and {@code original_parameters}. */
	public static final HspyVersion METADATA_RENAMED = new HspyVersion(1, 2);
	/** From it on, every axis group carries {@code navigate}. */
	public static final HspyVersion NAVIGATE_STORED = new HspyVersion(2, 1);

	/** @return the version of a file whose root is this group (1.0 when it has none) */
	public static HspyVersion of(Group root) {
		Object v = root.attribute("file_format_version");
		if (v == null) {
			return new HspyVersion(1, 0);
		}
		if (v instanceof Double || v instanceof Float) {
			// early writers stored 1.1 as a float; HyperSpy rounds it to two decimals
			return parse(String.format(java.util.Locale.ROOT, "%.2f", ((Number) v).doubleValue()).replaceAll("0$", ""));
		}
		return parse(Attributes.asString(v));
	}

	static HspyVersion parse(String text) {
		String[] parts = text.strip().split("\\.");
		try {
			int major = Integer.parseInt(parts[0]);
			int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
			return new HspyVersion(major, minor);
		} catch (NumberFormatException e) {
			return new HspyVersion(0, 0);
		}
	}

	public boolean atLeast(HspyVersion other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(HspyVersion o) {
		return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
	}

	@Override
	public String toString() {
		return major + "." + minor;
	}
}
