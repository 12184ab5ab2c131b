package org.ronchi.io.emd.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.io.emd.EmdCalibration;
import org.ronchi.io.emd.EmdDim;
import org.ronchi.io.emd.EmdMetadata;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;

/** A signal of any format as an EMD 1.0 tree: a root and one Array (or DataCube). */
public final class Emd1Signals {
	private Emd1Signals() {
	}

	public static void write(WGroup fileRoot, ArrayNode s) {
		write(fileRoot, s, new IdentityHashMap<>());
	}

	/**
	 * Writes s; its standard metadata goes to a new Metadata group unless an earlier signal of this
	 * file had the same MetadataTree instance (shared, as py4DSTEM objects share one Metadata), in which
	 * case s's bundle hard-links that group, so a reader sees one object.
	 *
	 * @param written the Metadata group written for each tree instance so far (identity map), updated
	 */
	public static void write(WGroup fileRoot, ArrayNode s, Map<MetadataTree, WGroup> written) {
		String name = s.title().isBlank() ? "array" : s.title().replace('/', '_');
		String rootName = name + "_root";
		for (int i = 2; fileRoot.child(rootName) != null; i++) {
			rootName = name + "_" + i + "_root";
		}
		WGroup root = fileRoot.group(rootName).attribute(EmdNode.TYPE, "root").attribute(EmdNode.PYTHON_CLASS, "Root");
		List<Axis> axes = s.axes();
		boolean cube = axes.size() == 4 && axes.get(0).navigate() && axes.get(1).navigate() && !axes.get(2).navigate();
		WGroup a = root.group(name).attribute(EmdNode.TYPE, "array").attribute(EmdNode.PYTHON_CLASS, cube ? "DataCube" : "Array");
		WDataset d = a.dataset("data", s.dtype(), s.shape(), DatasetOptions.contiguous());
		d.writeFrom(s.source(), null);
		d.attribute("units", s.units());
		for (int i = 0; i < axes.size(); i++) {
			Emd1Nodes.dim(a, "dim" + i, dim(axes.get(i), i));
		}
		MetadataTree md = s.metadata();
		WGroup shared = written.get(md);
		if (shared != null) {
			MetadataWriter.linked(a, "metadata", shared);
		} else {
			written.put(md, MetadataWriter.bundle(a, List.of(flat("metadata", md))).get(0));
		}
		if (cube && axes.get(0).isLinear() && axes.get(2).isLinear()) {
			Map<String, Object> cal = new LinkedHashMap<>();
			cal.put("R_pixel_size", axes.get(0).scale());
			cal.put("R_pixel_units", py4dstem(axes.get(0).units()));
			cal.put("Q_pixel_size", axes.get(2).scale());
			cal.put("Q_pixel_units", py4dstem(axes.get(2).units()));
			cal.put("QR_flip", false);
			MetadataWriter.bundle(root, List.of(new EmdMetadata(EmdCalibration.NAME, "Calibration", cal)));
		}
	}

	/** Linear axes as emdfile stores them (first two coordinates), others in full. */
	static EmdDim dim(Axis a, int i) {
		String name = a.name().isBlank() ? "dim" + i : a.name();
		String units = py4dstem(a.units());
		if (a.isLinear()) {
			return a.size() == 1 ? new EmdDim(name, units, new double[] { a.offset() }, null)
					: EmdDim.linear(name, units, a.offset(), a.scale());
		}
		double[] v = new double[(int) a.size()];
		for (int k = 0; k < v.length; k++) {
			v[k] = a.coordinate(k);
		}
		return new EmdDim(name, units, v, null);
	}

	/** HyperSpy's spelling back to py4DSTEM's: "1 / Å" is "A^-1", "Å" is "A". */
	static String py4dstem(String units) {
		return switch (units) {
		case "1 / Å" -> "A^-1";
		case "Å" -> "A";
		default -> units;
		};
	}

	/** The standard metadata as one flat Metadata: dotted keys, quantities as value and key_units. */
	static EmdMetadata flat(String name, MetadataTree t) {
		Map<String, Object> p = new LinkedHashMap<>();
		flatten("", t, p);
		return new EmdMetadata(name, "Metadata", p);
	}

	private static void flatten(String prefix, MetadataTree t, Map<String, Object> out) {
		for (Map.Entry<String, Object> e : t.entries().entrySet()) {
			String k = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
			Object v = e.getValue();
			switch (v) {
			case MetadataTree sub -> flatten(k, sub, out);
			case Quantity q -> {
				out.put(k, q.value());
				out.put(k + "_units", q.unit());
			}
			case String s -> out.put(k, s);
			case Boolean b -> out.put(k, b);
			case Number n -> out.put(k, n);
			case List<?> l -> out.put(k, new ArrayList<>(l.stream().map(String::valueOf).toList()));
			default -> out.put(k, String.valueOf(v));
			}
		}
	}
}
