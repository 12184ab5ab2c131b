package org.ronchi.processing.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * A workflow as {@code ronchi run} reads it from JSON: input files (globs allowed, relative to the
 * workflow file), the dataset to process in each, a list of steps (operation id + parameters; a step's
 * input is the dataset or an earlier step's output, {@code "step.output"}; a parameter value
 * {@code "@step.output"} is an earlier output's array) and where results go:
 * <pre>
 * {
 *   "inputs": ["scans/*.h5"],
 *   "dataset": "/datacube_root/datacube/data",
 *   "steps": [
 *     {"name": "images", "operation": "stem4d.virtual-bf-adf", "parameters": {"bf_radius": 4}},
 *     {"name": "hot", "operation": "stem4d.find-hot-pixels", "parameters": {"threshold": 500}},
 *     {"name": "clean", "operation": "stem4d.hot-pixels", "parameters": {"mask": "@hot.mask"}},
 *     {"name": "mean", "operation": "stem4d.virtual-diffraction", "input": "clean.data"}
 *   ],
 *   "output": {"directory": "results", "file": "{stem}_results.h5", "force": false, "store": "emd1"}
 * }
 * </pre>
 * {@code dataset} is an HDF5 path or {@code signal:N}; absent, the largest array of each file.
 * {@code output.directory} absent: next to each input; {@code file} absent: {@code {stem}_results.h5};
 * {@code store} absent: the default results store (EMD 1.0).
 * Immutable; {@link #parse} checks the structure (not operations or parameters: {@link WorkflowRunner}
 * validates those against the registry and the data before running anything).
 *
 * @param base the folder relative paths are resolved against
 * @param navigationRank navigation dimensions, overriding the data's own; null to keep them
 * @param outputStore the id of the results store that writes the results files; null for the default
 */
public record Workflow(Path base, List<String> inputs, String dataset, Integer navigationRank, List<Step> steps, String outputDirectory,
		String outputFile, boolean force, String outputStore, String source) {

	/**
	 * One step.
	 *
	 * @param input null for the workflow's dataset, or "step.output"
	 */
	public record Step(String name, String operation, Map<String, Object> parameters, String input) {
	}

	public Workflow {
		inputs = List.copyOf(inputs);
		steps = List.copyOf(steps);
		outputFile = outputFile == null ? "{stem}_results.h5" : outputFile;
	}

	/** Reads a workflow file; relative paths in it are relative to its folder. */
	public static Workflow load(Path file) {
		try {
			Path abs = file.toAbsolutePath().normalize();
			return parse(Files.readString(abs, StandardCharsets.UTF_8), abs.getParent(), abs.toString());
		} catch (IOException e) {
			throw new WorkflowException(file, null, "cannot read: " + e.getMessage(), e);
		}
	}

	/**
	 * Parses workflow JSON.
	 *
	 * @param source named in error messages (the file)
	 * @throws WorkflowException naming the member that is missing or malformed
	 */
	public static Workflow parse(String json, Path base, String source) {
		JsonObject o;
		try {
			JsonElement e = JsonParser.parseString(json);
			if (!e.isJsonObject()) {
				throw err(source, "a workflow is a JSON object");
			}
			o = e.getAsJsonObject();
		} catch (JsonParseException e) {
			throw new WorkflowException(null, source, "not valid JSON: " + e.getMessage(), e);
		}
		Set<String> known = Set.of("inputs", "input", "dataset", "navigation_rank", "steps", "output", "description");
		for (String k : o.keySet()) {
			if (!known.contains(k)) {
				throw err(source, "unknown member '" + k + "'; a workflow has " + String.join(", ", new java.util.TreeSet<>(known)));
			}
		}
		List<String> inputs = new ArrayList<>();
		if (o.has("input")) {
			inputs.add(string(o, "input", source));
		}
		if (o.has("inputs")) {
			for (JsonElement e : array(o, "inputs", source)) {
				inputs.add(e.getAsString());
			}
		}
		if (inputs.isEmpty()) {
			throw err(source, "'inputs' is missing: a list of files or globs");
		}
		String dataset = o.has("dataset") ? string(o, "dataset", source) : null;
		Integer nav = o.has("navigation_rank") ? o.get("navigation_rank").getAsInt() : null;
		if (!o.has("steps")) {
			throw err(source, "'steps' is missing: a list of {\"operation\": ..., \"parameters\": {...}}");
		}
		List<Step> steps = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		int i = 0;
		for (JsonElement e : array(o, "steps", source)) {
			i++;
			if (!e.isJsonObject()) {
				throw err(source, "step " + i + " is not an object");
			}
			JsonObject s = e.getAsJsonObject();
			for (String k : s.keySet()) {
				if (!Set.of("name", "operation", "parameters", "input").contains(k)) {
					throw err(source, "step " + i + ": unknown member '" + k + "'; a step has name, operation, parameters, input");
				}
			}
			if (!s.has("operation")) {
				throw err(source, "step " + i + " has no 'operation'");
			}
			String name = s.has("name") ? string(s, "name", source) : "step" + i;
			if (!names.add(name)) {
				throw err(source, "two steps are named '" + name + "'");
			}
			Map<String, Object> params = new LinkedHashMap<>();
			if (s.has("parameters")) {
				if (!s.get("parameters").isJsonObject()) {
					throw err(source, "step '" + name + "': 'parameters' must be an object");
				}
				for (Map.Entry<String, JsonElement> p : s.getAsJsonObject("parameters").entrySet()) {
					params.put(p.getKey(), java(p.getValue()));
				}
			}
			steps.add(new Step(name, string(s, "operation", source), params, s.has("input") ? string(s, "input", source) : null));
		}
		if (steps.isEmpty()) {
			throw err(source, "'steps' is empty");
		}
		String dir = null;
		String file = null;
		boolean force = false;
		String store = null;
		if (o.has("output")) {
			if (!o.get("output").isJsonObject()) {
				throw err(source, "'output' must be an object {\"directory\", \"file\", \"force\", \"store\"}");
			}
			JsonObject out = o.getAsJsonObject("output");
			dir = out.has("directory") ? string(out, "directory", source) : null;
			file = out.has("file") ? string(out, "file", source) : null;
			force = out.has("force") && out.get("force").getAsBoolean();
			store = out.has("store") ? string(out, "store", source) : null;
		}
		return new Workflow(base, inputs, dataset, nav, steps, dir, file, force, store, source);
	}

	private static WorkflowException err(String source, String problem) {
		return new WorkflowException(null, source, problem);
	}

	private static String string(JsonObject o, String key, String source) {
		JsonElement e = o.get(key);
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
			throw err(source, "'" + key + "' must be a string");
		}
		return e.getAsString();
	}

	private static JsonArray array(JsonObject o, String key, String source) {
		JsonElement e = o.get(key);
		if (!e.isJsonArray()) {
			throw err(source, "'" + key + "' must be a list");
		}
		return e.getAsJsonArray();
	}

	/** JSON to plain Java: numbers as Double (or Long when integral), lists, maps, strings, booleans. */
	static Object java(JsonElement e) {
		if (e.isJsonNull()) {
			return null;
		}
		if (e.isJsonArray()) {
			List<Object> l = new ArrayList<>();
			for (JsonElement x : e.getAsJsonArray()) {
				l.add(java(x));
			}
			return l;
		}
		if (e.isJsonObject()) {
			Map<String, Object> m = new LinkedHashMap<>();
			for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
				m.put(x.getKey(), java(x.getValue()));
			}
			return m;
		}
		JsonPrimitive p = e.getAsJsonPrimitive();
		if (p.isBoolean()) {
			return p.getAsBoolean();
		}
		if (p.isNumber()) {
			double d = p.getAsDouble();
			return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) p.getAsLong() : (Object) d;
		}
		return p.getAsString();
	}
}
