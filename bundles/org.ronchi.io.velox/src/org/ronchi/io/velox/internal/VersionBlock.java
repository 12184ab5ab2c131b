package org.ronchi.io.velox.internal;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;

/**
 * The root {@code /Version} dataset: JSON {@code {"version": "11", "format": "Velox"}}. The version
 * tells which layout the file-level blocks follow (version 11 dropped {@code /Operations} for
 * {@code /SharedProperties} and {@code /Displays}); this reader looks for the blocks themselves, so
 * the number is reported, and checked against the versions it was tested with (4 to 13).
 */
final class VersionBlock {
	static final int OLDEST = 4;
	static final int NEWEST = 13;

	private VersionBlock() {
	}

	/** @return the version, or 0 when the file does not say */
	static int read(VeloxFile f, Group root) {
		if (!(root.child("Version") instanceof ArrayNode node)) {
			f.warn("no /Version dataset: the version of this Velox file is unknown");
			return 0;
		}
		MetadataTree v = f.json(node);
		String format = Attributes.asString(v.child("format"));
		if (format != null && !format.equalsIgnoreCase("Velox")) {
			f.warn("/Version names the format '" + format + "', not Velox");
		}
		Double n = Attributes.asDouble(v.child("version"));
		if (n == null || n != Math.rint(n) || n < 1 || n > 1000) {
			f.warn("/Version holds no version number (" + v.child("version") + ")");
			return 0;
		}
		int version = n.intValue();
		if (version < OLDEST || version > NEWEST) {
			f.warn("Velox EMD version " + version + " is outside the versions this reader was tested with (" + OLDEST + " to "
					+ NEWEST + "); it is read as the nearest of them");
		}
		return version;
	}

	/** @return true if the JSON text is a Velox version block: a cheap test for the probe */
	static boolean isVelox(String json) {
		return json != null && json.contains("\"format\"") && json.contains("Velox") && json.contains("\"version\"");
	}
}
