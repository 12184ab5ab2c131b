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
 * workflow file; a file may carry its checksum), the dataset to process in each (and a slice of it), a
 * list of steps (operation id, optionally the version it was recorded with, parameters; a step's input is
 * the dataset or an earlier step's output, {@code "step.output"}; a parameter value {@code "@step.output"}
 * is an earlier output's array) and where results go:
 * <pre>
 * {
 *   "inputs": ["scans/*.h5", {"file": "/data/scan7.h5", "sha256": "9f2c..."}],
 *   "dataset": "/datacube_root/datacube/data",
 *   "slice": "0, ...",
 *   "steps": [
 *     {"name": "images", "operation": "stem4d.virtual-bf-adf", "version": "1", "parameters": {"bf_radius": 4}},
 *     {"name": "hot", "operation": "stem4d.find-hot-pixels", "parameters": {"threshold": 500}},
 *     {"name": "clean", "operation": "stem4d.hot-pixels", "parameters": {"mask": "@hot.mask"}},
 *     {"name": "mean", "operation": "stem4d.virtual-diffraction", "input": "clean.data"}
 *   ],
 *   "output": {"directory": "results", "file": "{stem}_results.h5", "force": false, "store": "emd1"}
 * }
 * </pre>
 * {@code dataset} is an HDF5 path or {@code signal:N}; absent, the largest array of each file.
 * {@code slice} (NumPy syntax, steps of 1) processes a box of it; integer indices drop their dimension.
 * A {@code sha256} on an input or a {@code version} on a step pins them: {@link WorkflowRunner} refuses to
 * run when the file or the installed operation differs (what the desktop's Save as Workflow writes, so a
 * replay is the same computation on the same bytes).
 * {@code output.directory} absent: next to each input; {@code file} absent: {@code {stem}_results.h5};
 * {@code store} absent: the default results store (EMD 1.0).
 * Immutable; {@link #parse} checks the structure (not operations or parameters: {@link WorkflowRunner}
 * validates those against the registry and the data before running anything).
 *
 * @param base the folder relative paths are resolved against
 * @param navigationRank navigation dimensions, overriding the data's own; null to keep them
 * @param outputStore the id of the results store that writes the results files; null for the default
 * @param source      named in error messages (the workflow file), or null
 * @param slice       the box of the dataset processed (NumPy syntax), or null for all of it
 * @param checksums   the recorded checksum ({@code "sha256:<hex>"}) of inputs, by their entry in inputs
 * @param description free text, or null
 */
public record Workflow(Path base, List<String> inputs, String dataset, Integer navigationRank, List<Step> steps, String outputDirectory,
		String outputFile, boolean force, String outputStore, String source, String slice, Map<String, String> checksums, String description) {

	/**
	 * One step.
	 *
	 * @param input   null for the workflow's dataset, or "step.output"
	 * @param version the operation version the step was recorded with, or null for any
	 */
	public record Step(String name, String operation, Map<String, Object> parameters, String input, String version) {

		public Step {
			parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		}

		/** @return the parameters as the workflow file has them: JSON, numbers in their shortest exact form */
		public String parametersJson() {
			return json(parameters).toString();
		}

		/** A step that runs with whatever version of the operation is installed. */
		public Step(String name, String operation, Map<String, Object> parameters, String input) {
			this(name, operation, parameters, input, null);
		}
	}

	public Workflow {
		inputs = List.copyOf(inputs);
		steps = List.copyOf(steps);
		outputFile = outputFile == null ? "{stem}_results.h5" : outputFile;
		checksums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checksums == null ? Map.of() : checksums));
	}

	/** A workflow without slice, checksums or description. */
	public Workflow(Path base, List<String> inputs, String dataset, Integer navigationRank, List<Step> steps, String outputDirectory,
			String outputFile, boolean force, String outputStore, String source) {
		this(base, inputs, dataset, navigationRank, steps, outputDirectory, outputFile, force, outputStore, source, null, null, null);
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
		Set<String> known = Set.of("inputs", "input", "dataset", "slice", "navigation_rank", "steps", "output", "description");
		for (String k : o.keySet()) {
			if (!known.contains(k)) {
				throw err(source, "unknown member '" + k + "'; a workflow has " + String.join(", ", new java.util.TreeSet<>(known)));
			}
		}
		List<String> inputs = new ArrayList<>();
		Map<String, String> checksums = new LinkedHashMap<>();
		if (o.has("input")) {
			inputs.add(string(o, "input", source));
		}
		if (o.has("inputs")) {
			for (JsonElement e : array(o, "inputs", source)) {
				input(e, inputs, checksums, source);
			}
		}
		if (inputs.isEmpty()) {
			throw err(source, "'inputs' is missing: a list of files or globs");
		}
		String dataset = o.has("dataset") ? string(o, "dataset", source) : null;
		String slice = o.has("slice") ? string(o, "slice", source) : null;
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
				if (!Set.of("name", "operation", "version", "parameters", "input").contains(k)) {
					throw err(source, "step " + i + ": unknown member '" + k + "'; a step has name, operation, version, parameters, input");
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
			steps.add(new Step(name, string(s, "operation", source), params, s.has("input") ? string(s, "input", source) : null,
					s.has("version") ? string(s, "version", source) : null));
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
		return new Workflow(base, inputs, dataset, nav, steps, dir, file, force, store, source, slice, checksums,
				o.has("description") ? string(o, "description", source) : null);
	}

	/** An entry of "inputs": a file or glob, or {"file": ..., "sha256": ...}. */
	private static void input(JsonElement e, List<String> inputs, Map<String, String> checksums, String source) {
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
			inputs.add(e.getAsString());
			return;
		}
		if (!e.isJsonObject() || !e.getAsJsonObject().has("file")) {
			throw err(source, "an entry of 'inputs' is a file or glob, or {\"file\": ..., \"sha256\": ...}");
		}
		JsonObject f = e.getAsJsonObject();
		for (String k : f.keySet()) {
			if (!Set.of("file", "sha256").contains(k)) {
				throw err(source, "input " + f.get("file") + ": unknown member '" + k + "'; an input has file, sha256");
			}
		}
		String file = string(f, "file", source);
		inputs.add(file);
		if (f.has("sha256")) {
			String sum = string(f, "sha256", source).toLowerCase(java.util.Locale.ROOT);
			if (!sum.matches("[0-9a-f]{64}")) {
				throw err(source, "input " + file + ": 'sha256' must be 64 hexadecimal digits");
			}
			if (file.matches(".*[*?\\[{].*")) {
				throw err(source, "input " + file + ": a glob cannot have a checksum");
			}
			checksums.put(file, org.ronchi.processing.results.Checksums.SHA256 + sum);
		}
	}

	/**
	 * @return the workflow as JSON that {@link #parse} reads back to an equal workflow: members in a fixed
	 *         order, numbers in their shortest exact form, array parameters as nested lists
	 */
	public String toJson() {
		JsonObject o = new JsonObject();
		if (description != null) {
			o.addProperty("description", description);
		}
		JsonArray in = new JsonArray();
		for (String f : inputs) {
			String sum = checksums.get(f);
			if (sum == null) {
				in.add(f);
			} else {
				JsonObject e = new JsonObject();
				e.addProperty("file", f);
				e.addProperty("sha256", sum.substring(org.ronchi.processing.results.Checksums.SHA256.length()));
				in.add(e);
			}
		}
		o.add("inputs", in);
		if (dataset != null) {
			o.addProperty("dataset", dataset);
		}
		if (slice != null) {
			o.addProperty("slice", slice);
		}
		if (navigationRank != null) {
			o.addProperty("navigation_rank", navigationRank);
		}
		JsonArray st = new JsonArray();
		for (Step s : steps) {
			JsonObject j = new JsonObject();
			j.addProperty("name", s.name());
			j.addProperty("operation", s.operation());
			if (s.version() != null) {
				j.addProperty("version", s.version());
			}
			if (s.input() != null) {
				j.addProperty("input", s.input());
			}
			JsonObject p = new JsonObject();
			for (Map.Entry<String, Object> e : s.parameters().entrySet()) {
				p.add(e.getKey(), json(e.getValue()));
			}
			j.add("parameters", p);
			st.add(j);
		}
		o.add("steps", st);
		JsonObject out = new JsonObject();
		if (outputDirectory != null) {
			out.addProperty("directory", outputDirectory);
		}
		out.addProperty("file", outputFile);
		if (force) {
			out.addProperty("force", true);
		}
		if (outputStore != null) {
			out.addProperty("store", outputStore);
		}
		o.add("output", out);
		return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
	}

	/** Plain Java (as {@link #java} makes it, or parameter values as callers hold them) to JSON. */
	static JsonElement json(Object v) {
		if (v == null) {
			return com.google.gson.JsonNull.INSTANCE;
		}
		if (v instanceof JsonElement e) {
			return e;
		}
		if (v instanceof String s) {
			return new JsonPrimitive(s);
		}
		if (v instanceof Boolean b) {
			return new JsonPrimitive(b);
		}
		if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
			return new JsonPrimitive(d.toString()); // not JSON numbers; parameters read them back from strings
		}
		if (v instanceof Number n) {
			return new JsonPrimitive(n);
		}
		if (v instanceof Map<?, ?> m) {
			JsonObject o = new JsonObject();
			for (Map.Entry<?, ?> e : m.entrySet()) {
				o.add(String.valueOf(e.getKey()), json(e.getValue()));
			}
			return o;
		}
		if (v instanceof org.eclipse.january.dataset.Dataset d) {
			return dataset(d, 0, new int[d.getRank()]);
		}
		JsonArray a = new JsonArray();
		if (v instanceof Iterable<?> it) {
			for (Object x : it) {
				a.add(json(x));
			}
			return a;
		}
		if (v.getClass().isArray()) {
			for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
				a.add(json(java.lang.reflect.Array.get(v, i)));
			}
			return a;
		}
		return new JsonPrimitive(v.toString());
	}

	private static JsonElement dataset(org.eclipse.january.dataset.Dataset d, int dim, int[] pos) {
		if (dim == d.getRank()) {
			return json(d.getDouble(pos));
		}
		JsonArray a = new JsonArray();
		for (int i = 0; i < d.getShapeRef()[dim]; i++) {
			pos[dim] = i;
			a.add(dataset(d, dim + 1, pos));
		}
		return a;
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
