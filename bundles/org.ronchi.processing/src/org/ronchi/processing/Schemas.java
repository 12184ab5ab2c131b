package org.ronchi.processing;

import java.util.List;

/**
 * Operations described for people and programs: what {@code ronchi ops} prints as text, and as JSON
 * with {@code --json} (an array of {id, name, version, description, input, parameters: [{name, type,
 * units, default, min, max, choices, length, required, description}]}).
 */
public final class Schemas {
	private Schemas() {
	}

	public static String json(List<Operation> ops) {
		StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < ops.size(); i++) {
			sb.append(i > 0 ? ",\n " : "\n ").append(json(ops.get(i)));
		}
		return sb.append("\n]").toString();
	}

	public static String json(Operation op) {
		StringBuilder sb = new StringBuilder("{");
		sb.append("\"id\": ").append(Json.quote(op.id()));
		sb.append(", \"name\": ").append(Json.quote(op.name()));
		sb.append(", \"version\": ").append(Json.quote(op.version()));
		sb.append(", \"description\": ").append(Json.quote(op.description()));
		InputSpec in = op.input();
		sb.append(", \"input\": {\"signal_rank\": ").append(in.sigRank()).append(", \"min_navigation_rank\": ").append(in.minNavRank())
				.append(", \"max_navigation_rank\": ").append(in.maxNavRank()).append(", \"complex\": ").append(in.complexAllowed()).append('}');
		sb.append(", \"parameters\": [");
		List<Parameter> ps = op.parameters();
		for (int i = 0; i < ps.size(); i++) {
			Parameter p = ps.get(i);
			sb.append(i > 0 ? ", " : "").append("{\"name\": ").append(Json.quote(p.name()));
			sb.append(", \"type\": ").append(Json.quote(p.type().label()));
			sb.append(", \"units\": ").append(Json.quote(p.units()));
			sb.append(", \"required\": ").append(p.required());
			if (p.defaultValue() != null) {
				sb.append(", \"default\": ").append(value(p.defaultValue()));
			}
			if (p.min() != null) {
				sb.append(", \"min\": ").append(Json.number(p.min()));
			}
			if (p.max() != null) {
				sb.append(", \"max\": ").append(Json.number(p.max()));
			}
			if (!p.choices().isEmpty()) {
				sb.append(", \"choices\": [").append(String.join(", ", p.choices().stream().map(Json::quote).toList())).append(']');
			}
			if (p.length() > 0) {
				sb.append(", \"length\": ").append(p.length());
			}
			sb.append(", \"description\": ").append(Json.quote(p.description())).append('}');
		}
		return sb.append("]}").toString();
	}

	private static String value(Object v) {
		return switch (v) {
		case String s -> Json.quote(s);
		case Double d -> Json.number(d);
		case int[] a -> java.util.Arrays.toString(a);
		case double[] a -> java.util.Arrays.toString(a);
		default -> v.toString();
		};
	}

	/** @return one block per operation: id, name and version, description, input, then a line per parameter */
	public static String text(List<Operation> ops) {
		StringBuilder sb = new StringBuilder();
		for (Operation op : ops) {
			sb.append(op.id()).append("  ").append(op.name()).append(" (version ").append(op.version()).append(")\n");
			sb.append("    ").append(op.description()).append('\n');
			sb.append("    input: ").append(op.input().describe()).append('\n');
			for (Parameter p : op.parameters()) {
				sb.append("    ").append(p.name()).append(": ").append(p.describe());
				if (p.defaultValue() != null) {
					sb.append(", default ").append(value(p.defaultValue()));
				} else if (p.required()) {
					sb.append(", required");
				} else {
					sb.append(", optional");
				}
				if (!p.description().isEmpty()) {
					sb.append(" - ").append(p.description());
				}
				sb.append('\n');
			}
		}
		return sb.toString();
	}
}
