package org.ronchi.io.velox.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;

/**
 * The signals of a Velox file in the order RosettaSciIO returns them: single spectra, then images,
 * then EELS spectrum images, then the EDS spectrum image(s). RosettaSciIO reads only some kinds
 * depending on the file type (spectra are dropped from image files); here every kind present is read,
 * so files it handles give the same list and others give more. {@code select_type} narrows the list
 * as in RosettaSciIO. Node names are the titles, made unique ("EDS", "EDS_2").
 */
final class VeloxSignals {
	private VeloxSignals() {
	}

	static List<ArrayNode> read(VeloxFile f) {
		Set<String> used = new HashSet<>();
		Function<String, String> names = title -> unique(used, title);
		List<ArrayNode> out = new ArrayList<>();
		boolean siFile = !f.dataGroups("SpectrumImage").isEmpty() || !f.dataGroups("EelsSpectrumImage").isEmpty();
		if (f.options.wants("single_spectrum")) {
			List<Group> spectra = f.dataGroups("Spectrum");
			for (Group g : spectra) {
				out.add(SpectrumGroup.signal(f, g, spectra.size() > 1, names));
			}
		}
		long[] imageGrid = null;
		for (Group g : f.dataGroups("Image")) {
			if (imageGrid == null && g.child("Data") instanceof ArrayNode d && d.rank() >= 2) {
				imageGrid = new long[] { d.shape()[0], d.shape()[1] };
			}
			if (f.options.wants("images")) {
				ArrayNode n = ImageGroup.signal(f, g, siFile, names);
				if (n != null) {
					out.add(n);
				}
			}
		}
		if (f.options.wants("spectrum_image")) {
			MetadataTree siMetadata = null;
			for (Group g : f.dataGroups("SpectrumImage")) {
				siMetadata = f.frameMetadata(g);
				break;
			}
			for (Group g : f.dataGroups("EelsSpectrumImage")) {
				out.add(EelsSpectrumImageGroup.signal(f, g, siMetadata, names));
			}
			if (!f.dataGroups("SpectrumImage").isEmpty()) {
				out.addAll(SpectrumImageSignals.read(f, imageGrid, names));
			}
		}
		return out;
	}

	private static String unique(Set<String> used, String title) {
		String base = title.replace('/', '_').isBlank() ? "signal" : title.replace('/', '_');
		String name = base;
		for (int i = 2; !used.add(name); i++) {
			name = base + "_" + i;
		}
		return name;
	}
}
