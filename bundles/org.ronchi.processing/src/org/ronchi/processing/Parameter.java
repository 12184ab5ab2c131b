package org.ronchi.processing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.january.dataset.Dataset;

/**
 * One typed parameter of an {@link Operation}: name, type, units, default, range, allowed values and a
 * description. Immutable; built with the static factories and the {@code with...} methods:
 * <pre>
 * Parameter.number("radius", "px", 8.0, "detector radius").range(0, null)
 * Parameter.choice("reduce", "mean", "how to combine patterns", "mean", "max", "median")
 * </pre>
 * {@link #validate(Object)} coerces a raw value (from Java or from JSON) to the type's Java form and
 * throws a {@link ParameterException} naming the parameter and what is allowed.
 */
public record Parameter(String name, Type type, String units, Object defaultValue, boolean required, Double min, Double max,
		List<String> choices, int length, String description) {

	/** Value types; the Java form {@link Params} hands to operations is given for each. */
	public enum Type {
		/** Integer. */
		INTEGER("integer"),
		/** Double. */
		NUMBER("number"),
		/** Boolean. */
		BOOLEAN("boolean"),
		/** String, one of {@link Parameter#choices()}. */
		CHOICE("choice"),
		/** String. */
		STRING("string"),
		/** int[]; min/max apply to each element, length if positive. */
		INTEGERS("integer list"),
		/** double[]; min/max apply to each element, length if positive. */
		NUMBERS("number list"),
		/** A January Dataset of doubles: from a Dataset, nested lists/Java arrays, or the path of a .npy file. */
		ARRAY("array");

		private final String label;

		Type(String label) {
			this.label = label;
		}

		/** @return the name used in schemas and messages */
		public String label() {
			return label;
		}
	}

	public Parameter {
		choices = choices == null ? List.of() : List.copyOf(choices);
		units = units == null ? "" : units;
		description = description == null ? "" : description;
	}

	public static Parameter integer(String name, String units, Integer def, String description) {
		return new Parameter(name, Type.INTEGER, units, def, def == null, null, null, null, 0, description);
	}

	public static Parameter number(String name, String units, Double def, String description) {
		return new Parameter(name, Type.NUMBER, units, def, def == null, null, null, null, 0, description);
	}

	public static Parameter bool(String name, boolean def, String description) {
		return new Parameter(name, Type.BOOLEAN, "", def, false, null, null, null, 0, description);
	}

	public static Parameter choice(String name, String def, String description, String... allowed) {
		return new Parameter(name, Type.CHOICE, "", def, def == null, null, null, List.of(allowed), 0, description);
	}

	public static Parameter string(String name, String def, String description) {
		return new Parameter(name, Type.STRING, "", def, def == null, null, null, null, 0, description);
	}

	public static Parameter integers(String name, String units, int[] def, String description) {
		return new Parameter(name, Type.INTEGERS, units, def, def == null, null, null, null, 0, description);
	}

	public static Parameter numbers(String name, String units, double[] def, String description) {
		return new Parameter(name, Type.NUMBERS, units, def, def == null, null, null, null, 0, description);
	}

	public static Parameter array(String name, String description) {
		return new Parameter(name, Type.ARRAY, "", null, true, null, null, null, 0, description);
	}

	/** @return this parameter with an inclusive range; either bound may be null */
	public Parameter range(Number lo, Number hi) {
		return new Parameter(name, type, units, defaultValue, required, lo == null ? null : lo.doubleValue(),
				hi == null ? null : hi.doubleValue(), choices, length, description);
	}

	/** @return this list parameter with a fixed number of elements */
	public Parameter length(int n) {
		return new Parameter(name, type, units, defaultValue, required, min, max, choices, n, description);
	}

	/** @return this parameter, not required and without a default: absent means "not used" (e.g. an optional mask) */
	public Parameter optional() {
		return new Parameter(name, type, units, defaultValue, false, min, max, choices, length, description);
	}

	/** @return the range as users read it, e.g. "0 to 128 px", "at least 1", "" if unbounded */
	public String rangeText() {
		String u = units.isEmpty() ? "" : " " + units;
		if (min != null && max != null) {
			return num(min) + " to " + num(max) + u;
		}
		if (min != null) {
			return "at least " + num(min) + u;
		}
		if (max != null) {
			return "at most " + num(max) + u;
		}
		return "";
	}

	private static String num(double v) {
		return format(v);
	}

	/** @return a number as messages show it: integers without ".0" */
	public static String format(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}

	/**
	 * Coerces and checks a raw value: numbers from any {@link Number} or numeric string, lists from Java
	 * arrays or {@link List}s, arrays from a Dataset, nested lists or a .npy path.
	 *
	 * @param operationId for the message
	 * @throws ParameterException naming the parameter, the expected type and the allowed range
	 */
	public Object validate(String operationId, Object raw) {
		if (raw == null) {
			if (required) {
				throw new ParameterException(operationId, name, "is required (" + describe() + ")");
			}
			return defaultValue;
		}
		try {
			return switch (type) {
			case INTEGER -> checkRange(operationId, (int) integral(raw));
			case NUMBER -> checkRange(operationId, number(raw));
			case BOOLEAN -> bool(raw);
			case CHOICE -> checkChoice(operationId, String.valueOf(raw));
			case STRING -> String.valueOf(raw);
			case INTEGERS -> checkList(operationId, Arrays.stream(list(raw)).mapToInt(v -> (int) integral(v)).toArray());
			case NUMBERS -> checkList(operationId, Arrays.stream(list(raw)).mapToDouble(Parameter::number).toArray());
			case ARRAY -> Arrays2.toDataset(raw);
			};
		} catch (ParameterException e) {
			throw e;
		} catch (RuntimeException e) {
			throw new ParameterException(operationId, name, "expects " + describe() + ", got " + show(raw) + " (" + e.getMessage() + ")");
		}
	}

	/** @return type, range and allowed values in words, e.g. "a number from 0 to 128 px" */
	public String describe() {
		StringBuilder sb = new StringBuilder(switch (type) {
		case INTEGER -> "an integer";
		case NUMBER -> "a number";
		case BOOLEAN -> "true or false";
		case CHOICE -> "one of " + String.join(", ", choices);
		case STRING -> "a string";
		case INTEGERS -> length > 0 ? length + " integers" : "a list of integers";
		case NUMBERS -> length > 0 ? length + " numbers" : "a list of numbers";
		case ARRAY -> "an array (nested lists or a .npy file)";
		});
		String r = rangeText();
		if (!r.isEmpty()) {
			sb.append(type == Type.INTEGERS || type == Type.NUMBERS ? ", each " : " ").append(min != null && max != null ? "from " : "")
					.append(r);
		} else if (!units.isEmpty() && type != Type.CHOICE) {
			sb.append(" (").append(units).append(")");
		}
		return sb.toString();
	}

	private Object checkRange(String op, double v) {
		if (Double.isNaN(v) || (min != null && v < min) || (max != null && v > max)) {
			throw new ParameterException(op, name, "must be " + (min != null && max != null ? "between " + rangeText().replace(" to ", " and ")
					: rangeText()) + ", got " + num(v));
		}
		return type == Type.INTEGER ? (Object) (int) v : (Object) v;
	}

	private Object checkList(String op, Object arr) {
		int n = java.lang.reflect.Array.getLength(arr);
		if (length > 0 && n != length) {
			throw new ParameterException(op, name, "needs " + length + " values, got " + n);
		}
		for (int i = 0; i < n; i++) {
			double v = ((Number) java.lang.reflect.Array.get(arr, i)).doubleValue();
			if ((min != null && v < min) || (max != null && v > max)) {
				throw new ParameterException(op, name, "values must be " + rangeText() + ", got " + num(v) + " at index " + i);
			}
		}
		return arr;
	}

	private String checkChoice(String op, String v) {
		for (String c : choices) {
			if (c.equalsIgnoreCase(v)) {
				return c;
			}
		}
		throw new ParameterException(op, name, "must be one of " + String.join(", ", choices) + ", got '" + v + "'");
	}

	private static long integral(Object o) {
		double d = number(o);
		if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("not an integer: " + o);
		}
		return (long) d;
	}

	private static double number(Object o) {
		if (o instanceof Number n) {
			return n.doubleValue();
		}
		if (o instanceof String s) {
			return Double.parseDouble(s.trim());
		}
		throw new IllegalArgumentException("not a number");
	}

	private static boolean bool(Object o) {
		if (o instanceof Boolean b) {
			return b;
		}
		String s = String.valueOf(o).trim().toLowerCase(Locale.ROOT);
		return switch (s) {
		case "true", "yes", "1" -> true;
		case "false", "no", "0" -> false;
		default -> throw new IllegalArgumentException("not a boolean");
		};
	}

	private static Object[] list(Object o) {
		if (o instanceof List<?> l) {
			return l.toArray();
		}
		if (o != null && o.getClass().isArray()) {
			int n = java.lang.reflect.Array.getLength(o);
			Object[] out = new Object[n];
			for (int i = 0; i < n; i++) {
				out[i] = java.lang.reflect.Array.get(o, i);
			}
			return out;
		}
		if (o instanceof Dataset d && d.getRank() == 1) {
			List<Object> out = new ArrayList<>();
			for (int i = 0; i < d.getSize(); i++) {
				out.add(d.getDouble(i));
			}
			return out.toArray();
		}
		if (o instanceof Number) {
			return new Object[] { o };
		}
		throw new IllegalArgumentException("not a list");
	}

	private static String show(Object raw) {
		String s = raw.getClass().isArray() ? raw.getClass().getSimpleName() : String.valueOf(raw);
		return s.length() > 40 ? s.substring(0, 40) + "..." : s;
	}
}
