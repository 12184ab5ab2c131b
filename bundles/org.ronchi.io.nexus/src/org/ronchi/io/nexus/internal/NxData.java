package org.ronchi.io.nexus.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * An NXdata group (NeXus base class, "NIAC 2014" attributes): {@code @signal} names the field holding
 * the data, {@code @axes} one field name or "." per dimension, {@code @AXISNAME_indices} the dimension(s)
 * an axis field spans (its place in {@code @axes} without it), {@code @auxiliary_signals} further fields
 * on the same axes, {@code @interpretation} ("spectrum", "image") which trailing dimensions are the
 * signal. The older conventions are read too: {@code @signal} as a number (HyperSpy: the field "data"),
 * or no {@code @signal} and a field carrying {@code signal=1} with its own {@code axes="y:x"}, or just a
 * field named "data".
 * <p>
 * Axes: an axis field of one value per position becomes coordinates (stored as scale/offset when evenly
 * spaced), one more than the positions means bin edges (their midpoints), a single value is the offset.
 * Navigation follows HyperSpy's NeXus reader: named axes navigate, "." ones do not, the interpretation
 * overrides both, and the last dimensions are the signal ones; if that leaves no signal dimension (no
 * axes at all), the last one (1-D) or two are.
 */
final class NxData {
	private final Group group;
	private final ArrayNode signal;
	private final List<String> axisNames;
	private final List<String> auxiliary;
	private final String interpretation;

	private NxData(Group group, ArrayNode signal, List<String> axisNames, List<String> auxiliary, String interpretation) {
		this.group = group;
		this.signal = signal;
		this.axisNames = axisNames;
		this.auxiliary = auxiliary;
		this.interpretation = interpretation;
	}

	/** @return the NXdata group's reading, or null when it names no signal field that is an array */
	static NxData of(Group g) {
		ArrayNode signal = signalField(g);
		if (signal == null) {
			return null;
		}
		List<String> axes = names(g.attribute("axes"));
		if (axes.isEmpty()) {
			axes = names(signal.attribute("axes")); // NeXus 2: the signal field lists its axes
		}
		String interpretation = Nx.text(g, "interpretation");
		if (interpretation == null) {
			interpretation = Nx.text(signal, "interpretation");
		}
		return new NxData(g, signal, axes, names(g.attribute("auxiliary_signals")), interpretation);
	}

	private static ArrayNode signalField(Group g) {
		Object s = g.attribute("signal");
		String name = s instanceof String || s instanceof String[] || s instanceof byte[] ? Nx.text(g, "signal") : null;
		if (name != null && g.child(name) instanceof ArrayNode a) {
			return a;
		}
		if (name == null) {
			for (Node c : Nx.children(g)) {
				Double flag = Attributes.asDouble(c.attribute("signal"));
				if (c instanceof ArrayNode a && flag != null && flag == 1) {
					return a;
				}
			}
		}
		return g.child("data") instanceof ArrayNode a ? a : null; // HyperSpy's fallback, also for a numeric @signal
	}

	/** @return a list attribute's entries: a text array, or text split at commas or colons (older writers) */
	static List<String> names(Object v) {
		List<String> out = new ArrayList<>();
		if (v instanceof String[] a) {
			for (String s : a) {
				out.add(s.strip());
			}
		} else if (v instanceof String || v instanceof byte[]) {
			String s = Attributes.asString(v).strip();
			if (s.startsWith("[") && s.endsWith("]")) {
				s = s.substring(1, s.length() - 1);
			}
			for (String part : s.split("[,:]")) {
				if (!part.isBlank()) {
					out.add(part.strip().replaceAll("^['\"]|['\"]$", ""));
				}
			}
		}
		return out;
	}

	Group group() {
		return group;
	}

	/** @return the field holding the data */
	ArrayNode signal() {
		return signal;
	}

	/** @return the auxiliary signal fields that exist and have the signal's shape */
	List<ArrayNode> auxiliarySignals() {
		List<ArrayNode> out = new ArrayList<>();
		for (String n : auxiliary) {
			if (group.child(n) instanceof ArrayNode a && Arrays.equals(a.shape(), signal.shape())) {
				out.add(a);
			}
		}
		return out;
	}

	/** Describes the signal on its field: axes, title (the group's name, as HyperSpy titles it), quantity. */
	ArrayNode describe(Path file, List<String> warnings) {
		signal.axes(axes(signal.shape(), warnings)).title(group.name()).kind("nxdata");
		signal.quantity(Nx.text(signal, "long_name"), Nx.text(signal, "units"));
		return signal;
	}

	/** @return the axes of data shaped like the signal, navigation flags set */
	List<Axis> axes(long[] shape, List<String> warnings) {
		Axis[] axes = new Axis[shape.length];
		boolean[] named = new boolean[shape.length];
		Map<String, int[]> spans = spans(shape.length);
		for (Map.Entry<String, int[]> e : spans.entrySet()) {
			int[] dims = e.getValue();
			if (dims.length != 1 || dims[0] < 0 || dims[0] >= shape.length || axes[dims[0]] != null) {
				continue; // multi-dimensional coordinates have no Axis: the dimensions stay indices
			}
			int d = dims[0];
			axes[d] = axis(e.getKey(), shape[d], warnings);
			named[d] = true;
		}
		for (int d = 0; d < shape.length; d++) {
			if (axes[d] == null) {
				axes[d] = Axis.index("", shape[d]);
			}
		}
		int signalDims = signalDims(named);
		List<Axis> out = new ArrayList<>();
		for (int d = 0; d < shape.length; d++) {
			out.add(axes[d].withNavigate(d < shape.length - signalDims));
		}
		return out;
	}

	/** Axis field name to the dimensions it spans: its {@code _indices}, else its place in {@code @axes}. */
	private Map<String, int[]> spans(int rank) {
		Map<String, int[]> out = new LinkedHashMap<>();
		for (int i = 0; i < axisNames.size() && i < rank; i++) {
			String a = axisNames.get(i);
			if (a.equals(".") || a.isEmpty() || out.containsKey(a)) {
				continue;
			}
			double[] idx = Attributes.asDoubles(group.attribute(a + "_indices"));
			if (idx == null) {
				out.put(a, new int[] { i });
			} else {
				out.put(a, Arrays.stream(idx).mapToInt(x -> (int) x).toArray());
			}
		}
		return out;
	}

	private Axis axis(String name, long size, List<String> warnings) {
		if (!(group.child(name) instanceof ArrayNode field) || !field.dtype().isNumeric() || field.dtype().isComplex() || field.rank() > 1) {
			warnings.add(group.path() + ": axis '" + name + "' is not a numeric field of this group; its dimension is left uncalibrated");
			return Axis.index(name, size);
		}
		String units = Nx.text(field, "units");
		long n = field.size();
		Dataset d = field.source().read(new long[field.rank()], Shapes.toInt(field.shape()));
		double[] v = new double[d.getSize()];
		for (int i = 0; i < v.length; i++) {
			v[i] = d.getElementDoubleAbs(i);
		}
		if (n == size) {
			return Axis.vector(name, units, v);
		}
		if (n == size + 1) { // histogram bin edges: the axis is at their midpoints
			double[] mid = new double[(int) size];
			for (int i = 0; i < mid.length; i++) {
				mid[i] = (v[i] + v[i + 1]) / 2;
			}
			return Axis.vector(name, units, mid);
		}
		if (n == 1) {
			return new Axis(name, units == null ? "" : units, size, 1.0, v[0], null, false);
		}
		warnings.add(group.path() + "/" + name + ": " + n + " values for a dimension of " + size + "; left uncalibrated");
		return Axis.index(name, size);
	}

	/** HyperSpy's rule: named axes navigate, "." do not; an interpretation names the signal dimensions. */
	private int signalDims(boolean[] named) {
		int rank = named.length;
		int n;
		if ("spectrum".equals(interpretation)) {
			n = 1;
		} else if (interpretation != null && interpretation.endsWith("image")) {
			n = 2;
		} else {
			n = 0;
			if (!axisNames.isEmpty()) {
				for (boolean b : named) {
					n += b ? 0 : 1;
				}
			}
		}
		if (n == 0) {
			n = Math.min(rank, 2);
		}
		return Math.min(n, rank);
	}
}
