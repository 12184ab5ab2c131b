package org.ronchi.processing.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.Attributes;

/**
 * A run's {@link Provenance} as attributes of the group that holds the run, by Ronchi's names, so that
 * every results store records it alike and reads it back whole (reuse, resume, rerun): the operation
 * ({@value #OPERATION}, {@code ronchi_operation_name}, {@code ronchi_operation_version}), the
 * {@code parameters} as JSON, the source ({@code source_file}, {@code source_dataset},
 * {@code source_shape}, {@code source_shape_text}, {@code source_dtype},
 * {@code source_navigation_rank}), the key ({@value #KEY}, {@code ronchi_key_text}), {@code partitions},
 * {@code time}, {@code machine}, {@code platform}, {@code ronchi_version}, {@code java_version}, and
 * what {@code ronchi rerun} needs besides: {@value #SOURCE_SLICE}, {@value #SOURCE_CHECKSUM} and one
 * {@value #PARAMETER_SOURCE}{@code NAME} per array parameter taken from another run's output (that
 * output's data path in the same file), each only when there is one. Array parameters are not
 * attributes: each store keeps them as datasets and hands them to {@link #read}.
 */
public final class ProvenanceAttributes {
	/** The attribute that marks a group as a run. */
	public static final String OPERATION = "ronchi_operation";
	public static final String KEY = "ronchi_key";
	public static final String PARAMETERS = "parameters";
	public static final String SOURCE_SLICE = "source_slice";
	public static final String SOURCE_CHECKSUM = "source_checksum";
	/** + a parameter name: the output (its data path in the same file) an array parameter was taken from. */
	public static final String PARAMETER_SOURCE = "parameter_source_";

	private ProvenanceAttributes() {
	}

	/** @return the attributes, in the order stores write them (values: text, long, long[]) */
	public static Map<String, Object> of(Provenance p) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put(OPERATION, p.operation());
		a.put("ronchi_operation_name", p.operationName());
		a.put("ronchi_operation_version", p.operationVersion());
		a.put(PARAMETERS, p.parameters());
		a.put("source_file", p.sourceFile());
		a.put("source_dataset", p.sourceDataset());
		a.put("source_shape", p.sourceShape());
		a.put("source_shape_text", Shapes.format(p.sourceShape()));
		a.put("source_dtype", p.sourceDtype());
		a.put("source_navigation_rank", (long) p.sourceNavigationRank());
		a.put("time", p.time());
		a.put("machine", p.machine());
		a.put("platform", p.platform());
		a.put("ronchi_version", p.ronchiVersion());
		a.put("java_version", p.javaVersion());
		a.put("partitions", (long) p.partitions());
		if (p.key() != null) {
			a.put(KEY, p.key());
			a.put("ronchi_key_text", p.keyText());
		}
		if (!p.sourceSlice().isEmpty()) {
			a.put(SOURCE_SLICE, p.sourceSlice());
		}
		if (!p.sourceChecksum().isEmpty()) {
			a.put(SOURCE_CHECKSUM, p.sourceChecksum());
		}
		for (Map.Entry<String, String> e : p.parameterSources().entrySet()) {
			a.put(PARAMETER_SOURCE + e.getKey(), e.getValue());
		}
		return a;
	}

	/**
	 * @param attributes the run group's attributes
	 * @param arrays     the array parameters the store kept beside the attributes
	 */
	public static Provenance read(Map<String, Object> attributes, Map<String, Dataset> arrays) {
		Function<String, Object> attribute = attributes::get;
		return new Provenance(text(attribute, OPERATION), text(attribute, "ronchi_operation_name"), text(attribute, "ronchi_operation_version"),
				text(attribute, PARAMETERS), arrays, text(attribute, "source_file"), text(attribute, "source_dataset"),
				longs(attribute.apply("source_shape")), text(attribute, "source_dtype"), (int) number(attribute, "source_navigation_rank"),
				Attributes.asString(attribute.apply(KEY)), Attributes.asString(attribute.apply("ronchi_key_text")), (int) number(attribute, "partitions"),
				text(attribute, "time"), text(attribute, "machine"), text(attribute, "ronchi_version"), text(attribute, "java_version"),
				text(attribute, "platform"), text(attribute, SOURCE_SLICE), text(attribute, SOURCE_CHECKSUM), parameterSources(attributes));
	}

	/** @return the parameter_source_NAME attributes: where array parameters came from, by name */
	private static Map<String, String> parameterSources(Map<String, Object> attributes) {
		Map<String, String> out = new LinkedHashMap<>();
		for (Map.Entry<String, Object> e : attributes.entrySet()) {
			if (e.getKey().startsWith(PARAMETER_SOURCE)) {
				out.put(e.getKey().substring(PARAMETER_SOURCE.length()), Attributes.asString(e.getValue()));
			}
		}
		return out;
	}

	private static String text(Function<String, Object> attribute, String key) {
		String s = Attributes.asString(attribute.apply(key));
		return s == null ? "" : s;
	}

	private static long number(Function<String, Object> attribute, String key) {
		Double d = Attributes.asDouble(attribute.apply(key));
		return d == null ? 0 : d.longValue();
	}

	private static long[] longs(Object v) {
		double[] d = Attributes.asDoubles(v);
		long[] out = new long[d == null ? 0 : d.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = (long) d[i];
		}
		return out;
	}
}
