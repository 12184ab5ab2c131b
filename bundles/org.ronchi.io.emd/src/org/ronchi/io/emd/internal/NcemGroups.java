package org.ronchi.io.emd.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ronchi.core.lazy.Views;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;

/** The groups of an NCEM EMD 0.2 file (see {@link org.ronchi.io.emd.NcemWriter}). */
public final class NcemGroups {
	private static final List<String> INFO = List.of("microscope", "sample", "user", "comments");

	private NcemGroups() {
	}

	public static void write(WGroup root, List<ArrayNode> signals) {
		root.attribute("version_major", 0L).attribute("version_minor", 2L);
		ArrayNode first = signals.isEmpty() ? null : signals.get(0);
		for (String g : INFO) {
			WGroup info = root.group(g);
			MetadataTree src = first == null ? null : info(first, g);
			if (src != null) {
				for (Map.Entry<String, Object> e : src.entries().entrySet()) {
					if (e.getValue() instanceof String || e.getValue() instanceof Number || e.getValue() instanceof Boolean) {
						info.attribute(e.getKey(), e.getValue());
					}
				}
			}
		}
		WGroup sg = root.group("signals");
		for (ArrayNode s : signals) {
			signal(sg, s);
		}
	}

	/** An NCEM file's own group, else the standard metadata in HyperSpy's places. */
	private static MetadataTree info(ArrayNode s, String group) {
		if (s.originalMetadata().child(group) instanceof MetadataTree t) {
			return t;
		}
		MetadataTree std = s.metadata();
		MetadataTree t = new MetadataTree();
		switch (group) {
		case "microscope" -> {
			t.put("name", std.get("acquisition.instrument.microscope"));
			if (std.get("acquisition.instrument.beam_energy") instanceof Quantity q) {
				t.put("voltage", (q.value() == Math.rint(q.value()) ? Long.toString((long) q.value()) : Double.toString(q.value())) + q.unit());
			}
		}
		case "user" -> t.put("name", std.get("general.authors"));
		case "sample" -> t.put("material", std.get("sample.description"));
		default -> {
			// no standard key goes to comments
		}
		}
		return t;
	}

	private static void signal(WGroup signals, ArrayNode s) {
		String name = s.title().isBlank() ? "__unnamed__" : s.title().replace('/', '_');
		for (int i = 2; signals.child(name) != null; i++) {
			name = s.title() + "_" + i;
		}
		WGroup g = signals.group(name).attribute("emd_group_type", 1);
		int rank = s.rank();
		WDataset d = g.dataset("data", s.dtype(), reversed(s.shape()), DatasetOptions.contiguous());
		d.writeFrom(rank > 1 ? Views.transpose(s.source()) : s.source(), null);
		for (int k = 1; k <= rank; k++) {
			Axis a = s.axes().get(rank - k);
			WDataset dim = g.dataset("dim" + k, coordinates(a));
			dim.attribute("name", a.name()).attribute("units", bracketed(a.units()));
		}
	}

	private static long[] reversed(long[] shape) {
		long[] r = new long[shape.length];
		for (int i = 0; i < r.length; i++) {
			r[i] = shape[shape.length - 1 - i];
		}
		return r;
	}

	private static double[] coordinates(Axis a) {
		if (a.isLinear() && a.size() != 1) {
			return new double[] { a.offset(), a.offset() + a.scale() };
		}
		double[] v = new double[(int) a.size()];
		for (int k = 0; k < v.length; k++) {
			v[k] = a.coordinate(k);
		}
		return v;
	}

	/**
	 * HyperSpy's spelling: every character of the units joined by '_' in brackets ("nm" is "[n_m]").
	 * Readers drop underscores inside brackets, so units that contain one are written bare.
	 */
	static String bracketed(String units) {
		if (units.contains("_") || units.contains("[")) {
			return units;
		}
		return "[" + units.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining("_")) + "]";
	}
}
