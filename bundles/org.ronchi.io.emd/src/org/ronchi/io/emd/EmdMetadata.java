package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * One named Metadata dictionary of an EMD 1.0 node (a group of type {@code metadata} inside the node's
 * {@code metadatabundle}): flat, string keys, each value a dataset (or, for grouped values, a group
 * with a {@code length} attribute and children "0", "1", ...) whose {@code type} attribute says how to
 * read it back. Values are kept as read: String, Boolean, Double/Long, null (type "None"), a January
 * {@link Dataset} for arrays, and Lists for the grouped types; {@link #pythonClass()} is "Metadata" or
 * a subclass such as "Calibration".
 */
public final class EmdMetadata {
	/** Values above this many elements are refused: metadata is small, a larger one is a forged shape. */
	static final long MAX_ELEMENTS = 1L << 24;

	private final String name;
	private final String pythonClass;
	private final Map<String, Object> params;
	private final Map<String, String> types;

	/** Metadata built in memory: value types are inferred when written. */
	public EmdMetadata(String name, String pythonClass, Map<String, Object> params) {
		this(name, pythonClass, params, Map.of());
	}

	/** @param types emdfile's type of each value as read ("tuple", "list_of_strings"...), kept for writing back */
	public EmdMetadata(String name, String pythonClass, Map<String, Object> params, Map<String, String> types) {
		this.name = name;
		this.pythonClass = pythonClass == null ? "Metadata" : pythonClass;
		this.params = new LinkedHashMap<>(params);
		this.types = new LinkedHashMap<>(types);
	}

	/** @return the emdfile type the value was read with, or null for values built in memory */
	public String type(String key) {
		return types.get(key);
	}

	public String name() {
		return name;
	}

	public String pythonClass() {
		return pythonClass;
	}

	/** @return the values in file order; read-only */
	public Map<String, Object> params() {
		return Collections.unmodifiableMap(params);
	}

	public Object get(String key) {
		return params.get(key);
	}

	/** Reads a metadata group. */
	public static EmdMetadata read(Path file, Group g) {
		Map<String, Object> p = new LinkedHashMap<>();
		Map<String, String> types = new LinkedHashMap<>();
		for (Node n : g.children()) {
			String type = n.stringAttribute("type");
			if (type == null) {
				throw new EmdException(file, n.path(), "metadata value without a 'type' attribute");
			}
			p.put(n.name(), value(file, n, type));
			types.put(n.name(), type);
		}
		return new EmdMetadata(g.name(), g.stringAttribute("python_class"), p, types);
	}

	/** The one dispatch on emdfile's value types (py4DSTEM v0.13 io names). */
	private static Object value(Path file, Node n, String type) {
		return switch (type) {
		case "None" -> null;
		case "string" -> text(file, n);
		case "bool" -> number(file, n).getElementBooleanAbs(0);
		case "number" -> scalar(number(file, n));
		case "array", "tuple", "list" -> number(file, n);
		case "tuple_of_tuples", "tuple_of_arrays", "list_of_arrays" -> items(file, n, false);
		case "tuple_of_strings", "list_of_strings" -> items(file, n, true);
		default -> throw new EmdException(file, n.path(), "unsupported metadata value type: " + type);
		};
	}

	private static List<Object> items(Path file, Node n, boolean strings) {
		if (!(n instanceof Group g)) {
			throw new EmdException(file, n.path(), "a grouped metadata value is a group, this is a dataset");
		}
		Object len = g.attribute("length");
		int length = len instanceof Number num ? num.intValue() : g.children().size();
		List<Object> out = new ArrayList<>();
		for (int i = 0; i < length; i++) {
			Node item = g.child(Integer.toString(i));
			if (item == null) {
				throw new EmdException(file, g.path(), "item " + i + " of " + length + " is missing");
			}
			out.add(strings ? text(file, item) : number(file, item));
		}
		return out;
	}

	private static String text(Path file, Node n) {
		Dataset d = read(file, n);
		String s = d.getSize() == 0 ? "" : d.getStringAbs(0);
		return "_None".equals(s) ? null : s;
	}

	private static Dataset number(Path file, Node n) {
		return read(file, n);
	}

	private static Object scalar(Dataset d) {
		if (d.getSize() != 1) {
			return d;
		}
		Object v = d.getObjectAbs(0);
		return v instanceof Float f ? (Object) f.doubleValue() : v instanceof Integer i ? (Object) i.longValue() : v;
	}

	private static Dataset read(Path file, Node n) {
		if (!(n instanceof ArrayNode a)) {
			throw new EmdException(file, n.path(), "a metadata value is a dataset, this is a group");
		}
		if (a.dtype() == DType.OTHER) {
			throw new EmdException(file, a.path(), "metadata value of an unsupported datatype");
		}
		long[] shape = a.shape();
		if (Shapes.size(shape) > MAX_ELEMENTS) {
			throw new EmdException(file, a.path(), "metadata value of shape " + Arrays.toString(shape) + " is too large");
		}
		return a.source().read(new long[shape.length], Shapes.toInt(shape));
	}

	/** @return the values as a metadata tree: arrays as Java arrays, grouped values as lists */
	public MetadataTree toTree() {
		MetadataTree t = new MetadataTree();
		for (Map.Entry<String, Object> e : params.entrySet()) {
			t.put(e.getKey(), plain(e.getValue()));
		}
		return t;
	}

	private static Object plain(Object v) {
		if (v == null) {
			return "None";
		}
		if (v instanceof Dataset d) {
			return d.getRank() == 0 ? d.getObjectAbs(0) : d.clone().getBuffer();
		}
		if (v instanceof List<?> l) {
			return l.stream().map(EmdMetadata::plain).toList();
		}
		return v;
	}

	@Override
	public String toString() {
		return name + " (" + pythonClass + ") " + params.keySet();
	}
}
