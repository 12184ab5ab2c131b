package org.ronchi.io.hspy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.hspy.HspyException;

/**
 * The {@code axis-N} groups of a HyperSpy signal, one per array dimension N: name, units, and either
 * {@code scale}/{@code offset}/{@code size} (a uniform axis) or an {@code axis} vector of coordinates (a
 * non-uniform axis, file version 3.1); {@code navigate} from version 2.1. A signal stored inside
 * metadata ({@code _sig_} groups) lists them in a {@code _list_N_axes} group instead. Which axes are
 * signal axes is decided as HyperSpy's {@code dict2signal} decides it: by the navigate flags when every
 * axis has one, else by {@code record_by} ("spectrum": 1, "image": 2), else all; the last ones of the
 * array are the signal axes.
 */
final class HspyAxes {
	private HspyAxes() {
	}

	/** @return the axes of the signal in group g with data of this shape, navigation flags set */
	static List<Axis> read(Path file, Group g, long[] shape, String recordBy) {
		List<Group> groups = new ArrayList<>();
		for (int i = 0; i < shape.length; i++) {
			if (g.child("axis-" + i) instanceof Group a) {
				groups.add(a);
			}
		}
		if (groups.size() != shape.length && g.child("_list_" + shape.length + "_axes") instanceof Group list) {
			groups.clear();
			for (int i = 0; i < shape.length; i++) {
				if (list.child(Integer.toString(i)) instanceof Group a) {
					groups.add(a);
				}
			}
		}
		if (groups.size() != shape.length) {
			throw new HspyException(file, g.path(), "has " + groups.size() + " axis groups (axis-0, axis-1, ...) for data of rank " + shape.length);
		}
		List<Axis> axes = new ArrayList<>();
		boolean allNavigate = true;
		int signalDims = 0;
		for (int i = 0; i < shape.length; i++) {
			Group a = groups.get(i);
			axes.add(axis(file, a, shape[i]));
			Object nav = a.attribute("navigate");
			allNavigate &= nav != null;
			if (nav != null && !Boolean.TRUE.equals(nav) && !"TRUE".equals(nav)) {
				signalDims++;
			}
		}
		if (!allNavigate) {
			signalDims = "spectrum".equals(recordBy) ? 1 : "image".equals(recordBy) ? 2 : shape.length;
		}
		signalDims = Math.min(signalDims, shape.length);
		for (int i = 0; i < axes.size(); i++) {
			axes.set(i, axes.get(i).withNavigate(i < shape.length - signalDims));
		}
		return axes;
	}

	private static Axis axis(Path file, Group a, long size) {
		String name = text(a.attribute("name"));
		String units = text(a.attribute("units"));
		Object stored = a.child("axis") instanceof ArrayNode vector ? values(vector) : a.attribute("axis");
		double[] values = Attributes.asDoubles(stored);
		if (values != null) {
			if (values.length != size) {
				throw new HspyException(file, a.path(), "axis vector has " + values.length + " values for a dimension of " + size);
			}
			// declared non-uniform: kept as coordinates even when they happen to be evenly spaced
			return new Axis(name, units, size, Double.NaN, Double.NaN, values, false);
		}
		Double declared = Attributes.asDouble(a.attribute("size"));
		if (declared != null && declared.longValue() != size) {
			throw new HspyException(file, a.path(), "size " + declared.longValue() + " differs from the data's dimension of " + size);
		}
		Double scale = Attributes.asDouble(a.attribute("scale"));
		Double offset = Attributes.asDouble(a.attribute("offset"));
		return Axis.linear(name, units, size, scale == null ? 1.0 : scale, offset == null ? 0.0 : offset);
	}

	private static double[] values(ArrayNode vector) {
		Dataset d = vector.source().read(new long[vector.rank()], Shapes.toInt(vector.shape()));
		double[] out = new double[d.getSize()];
		for (int i = 0; i < out.length; i++) {
			out[i] = d.getElementDoubleAbs(i);
		}
		return out;
	}

	/** HyperSpy leaves an undefined name or unit out, or (older writers) stores "_None_". */
	private static String text(Object v) {
		String s = Attributes.asString(v);
		return s == null || s.equals(HspyTree.NONE) ? "" : s;
	}

	/** @return whether the coordinates increase or decrease throughout, as HyperSpy's DataAxis requires */
	static boolean ordered(double[] v) {
		boolean up = true;
		boolean down = true;
		for (int k = 1; k < v.length; k++) {
			up &= v[k] > v[k - 1];
			down &= v[k] < v[k - 1];
		}
		return up || down;
	}

	/**
	 * Writes axis-i as HyperSpy 1.7 does ({@code get_axis_dictionary}): a UniformDataAxis or, for explicit
	 * coordinates, a DataAxis with its {@code axis} vector; an empty name or unit is left out (HyperSpy's
	 * Undefined). {@code is_binned} comes from the axis group the signal was read from, if any.
	 * Coordinates out of order, which HyperSpy refuses, become indices (with a note).
	 */
	static void write(WGroup signal, int i, Axis x, Node readFrom, List<String> notes) {
		if (!x.isLinear() && !ordered(x.values())) {
			notes.add(signal.path() + " axis " + i + " (" + x.name() + "): its coordinates are not in order, which a HyperSpy axis needs;"
					+ " written as indices");
			x = new Axis(x.name(), x.units(), x.size(), 1, 0, null, x.navigate());
		}
		WGroup g = signal.group("axis-" + i);
		g.attribute("_type", x.isLinear() ? "UniformDataAxis" : "DataAxis");
		if (!x.name().isEmpty()) {
			g.attribute("name", x.name());
		}
		if (!x.units().isEmpty()) {
			g.attribute("units", x.units());
		}
		g.attribute("navigate", x.navigate());
		Object binned = readFrom instanceof Group r ? r.attribute("is_binned") : null;
		g.attribute("is_binned", binned instanceof Boolean b ? b : Boolean.FALSE);
		if (x.isLinear()) {
			g.attribute("size", x.size()).attribute("scale", x.scale()).attribute("offset", x.offset());
		} else {
			g.dataset("axis", x.values());
		}
	}
}
