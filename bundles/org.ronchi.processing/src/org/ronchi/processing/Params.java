package org.ronchi.processing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;

/**
 * An operation's parameter values after validation: every declared parameter present (defaults filled
 * in, optional ones possibly null), each in its type's Java form. Immutable.
 */
public final class Params {
	private final String operationId;
	private final Map<String, Object> values;

	private Params(String operationId, Map<String, Object> values) {
		this.operationId = operationId;
		this.values = Collections.unmodifiableMap(values);
	}

	/**
	 * Validates raw values against declarations.
	 *
	 * @throws ParameterException for an unknown name (listing the known ones) or a bad value
	 */
	public static Params validate(String operationId, List<Parameter> declared, Map<String, ?> raw) {
		Map<String, ?> given = raw == null ? Map.of() : raw;
		Set<String> known = new HashSet<>();
		for (Parameter p : declared) {
			known.add(p.name());
		}
		for (String k : given.keySet()) {
			if (!known.contains(k)) {
				throw new ParameterException(operationId, k, "is not a parameter of this operation; its parameters are: "
						+ String.join(", ", declared.stream().map(Parameter::name).toList()));
			}
		}
		Map<String, Object> out = new LinkedHashMap<>();
		for (Parameter p : declared) {
			out.put(p.name(), p.validate(operationId, given.get(p.name())));
		}
		return new Params(operationId, out);
	}

	public String operationId() {
		return operationId;
	}

	/** @return whether the parameter has a value (optional ones may not) */
	public boolean has(String name) {
		return values.get(name) != null;
	}

	public Object get(String name) {
		if (!values.containsKey(name)) {
			throw new IllegalArgumentException(operationId + ": no parameter '" + name + "'");
		}
		return values.get(name);
	}

	public int integer(String name) {
		return (Integer) get(name);
	}

	public double number(String name) {
		return (Double) get(name);
	}

	public boolean bool(String name) {
		return (Boolean) get(name);
	}

	public String string(String name) {
		return (String) get(name);
	}

	public int[] integers(String name) {
		int[] v = (int[]) get(name);
		return v == null ? null : v.clone();
	}

	public double[] numbers(String name) {
		double[] v = (double[]) get(name);
		return v == null ? null : v.clone();
	}

	/** @return the array value (a copy), or null if the optional parameter is absent */
	public DoubleDataset array(String name) {
		Dataset d = (Dataset) get(name);
		return d == null ? null : (DoubleDataset) d.clone();
	}

	/** @return every value, in declaration order; arrays as Datasets */
	public Map<String, Object> values() {
		return values;
	}

	/**
	 * @return the values as JSON with sorted keys, the form stored in provenance and hashed for reuse;
	 *         an array is written as its shape and SHA-256 (the array itself is stored beside the results)
	 */
	public String toJson() {
		StringBuilder sb = new StringBuilder("{");
		boolean first = true;
		for (Map.Entry<String, Object> e : new TreeMap<>(values).entrySet()) {
			if (!first) {
				sb.append(", ");
			}
			first = false;
			sb.append(Json.quote(e.getKey())).append(": ").append(json(e.getValue()));
		}
		return sb.append('}').toString();
	}

	private static String json(Object v) {
		if (v == null) {
			return "null";
		}
		if (v instanceof String s) {
			return Json.quote(s);
		}
		if (v instanceof Double d) {
			return Json.number(d);
		}
		if (v instanceof Number || v instanceof Boolean) {
			return v.toString();
		}
		if (v instanceof int[] a) {
			return Arrays.toString(a);
		}
		if (v instanceof double[] a) {
			StringBuilder sb = new StringBuilder("[");
			for (int i = 0; i < a.length; i++) {
				sb.append(i > 0 ? ", " : "").append(Json.number(a[i]));
			}
			return sb.append(']').toString();
		}
		if (v instanceof Dataset d) {
			return "{\"shape\": " + Arrays.toString(d.getShapeRef()) + ", \"sha256\": \"" + sha256(d) + "\"}";
		}
		return Json.quote(v.toString());
	}

	/** @return the hex SHA-256 of an array's shape and float64 values */
	static String sha256(Dataset d) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			md.update(Arrays.toString(d.getShapeRef()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			double[] data = ((DoubleDataset) d.cast(DoubleDataset.class)).getData();
			java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * data.length);
			b.asDoubleBuffer().put(data);
			md.update(b.array());
			return java.util.HexFormat.of().formatHex(md.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return operationId + " " + toJson();
	}
}
