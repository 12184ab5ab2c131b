package org.ronchi.io.dectris.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.Scan;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.Hdf5File;

/**
 * The scan's sidecar Arina software writes beside the master, {@code <name>.h5} for
 * {@code <name>_master.h5}: a group {@value #GROUP} whose attributes are the microscope's scan settings
 * ({@code NumPixelsX}/{@code NumPixelsY}: the scan size; {@code High Tension}, {@code Camera Length},
 * {@code Pixel Size} in nm, ...). Optional: older acquisitions have none, and a sidecar that cannot be
 * read costs the scan shape, not the data (said in the warnings).
 */
final class Sidecar {
	static final String GROUP = "STEM Metadata";
	private static final String SUFFIX = "_master.h5";

	/** The attributes, verbatim. */
	final MetadataTree attributes;
	final Path path;

	private Sidecar(Path path, MetadataTree attributes) {
		this.path = path;
		this.attributes = attributes;
	}

	/** @return the sidecar of master, or null when there is none (or it is unreadable: then a warning) */
	static Sidecar find(Path master, List<String> warnings) {
		String name = master.getFileName().toString();
		if (!name.endsWith(SUFFIX)) {
			return null;
		}
		Path p = master.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".h5");
		if (!Files.isRegularFile(p)) {
			return null;
		}
		try (Hdf5File h = Hdf5File.open(p)) {
			if (!(h.tree().child(GROUP) instanceof Group g)) {
				warnings.add("the sidecar " + p.getFileName() + " has no '" + GROUP + "' group: the scan shape is not known from it");
				return null;
			}
			return new Sidecar(p, NexusFields.attributes(g));
		} catch (RonchiException e) {
			warnings.add("the sidecar " + p.getFileName() + " cannot be read (" + e.getMessage() + "): the scan shape is not known from it");
			return null;
		}
	}

	/** @return the scan {@code (NumPixelsY, NumPixelsX)}, or null if the sidecar lacks a positive pair */
	Scan.Shape scan() {
		Double x = Attributes.asDouble(attributes.child("NumPixelsX"));
		Double y = Attributes.asDouble(attributes.child("NumPixelsY"));
		if (x == null || y == null || x < 1 || y < 1 || x != Math.rint(x) || y != Math.rint(y)) {
			return null;
		}
		return Scan.Shape.known("the " + GROUP + " sidecar's NumPixelsY, NumPixelsX", y.longValue(), x.longValue());
	}

	/** @return the scan step in nm ({@code Pixel Size}), or null */
	Double pixelSize() {
		Double s = Attributes.asDouble(attributes.child("Pixel Size"));
		return s == null || !(s > 0) || s.isInfinite() ? null : s;
	}
}
