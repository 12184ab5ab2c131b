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
 * {@code time}, {@code machine}, {@code platform}, {@code ronchi_version}, {@code java_version}. Array
 * parameters are not attributes: each store keeps them as datasets and hands them to {@link #read}.
 */
public final class ProvenanceAttributes {
	/** The attribute that marks a group as a run. */
	public static final String OPERATION = "ronchi_operation";
	public static final String KEY = "ronchi_key";
	public static final String PARAMETERS = "parameters";

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
		return a;
	}

	/**
	 * @param attribute the run group's attribute of a name, or null
	 * @param arrays    the array parameters the store kept beside the attributes
	 */
	public static Provenance read(Function<String, Object> attribute, Map<String, Dataset> arrays) {
		return new Provenance(text(attribute, OPERATION), text(attribute, "ronchi_operation_name"), text(attribute, "ronchi_operation_version"),
				text(attribute, PARAMETERS), arrays, text(attribute, "source_file"), text(attribute, "source_dataset"),
				longs(attribute.apply("source_shape")), text(attribute, "source_dtype"), (int) number(attribute, "source_navigation_rank"),
				Attributes.asString(attribute.apply(KEY)), Attributes.asString(attribute.apply("ronchi_key_text")), (int) number(attribute, "partitions"),
				text(attribute, "time"), text(attribute, "machine"), text(attribute, "ronchi_version"), text(attribute, "java_version"),
				text(attribute, "platform"));
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
