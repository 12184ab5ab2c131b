package org.ronchi.processing.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Params;

/**
 * The provenance attributes of a results group. The source is named by path attributes
 * ({@code source_file}, {@code source_dataset}), which any input has; for an HDF5 input the results
 * file also links to it ({@link ResultsFile#SOURCE_LINK}), which h5py follows but a reader without
 * the other file cannot. The h5USID book-keeping attributes ({@code tool}, {@code timestamp}, {@code machine_id},
 * {@code platform}, {@code num_source_dsets}) are written as pyUSID writes them.
 */
final class Provenance {
	static final String VERSION = version();
	private static volatile String machine;

	private Provenance() {
	}

	private static String version() {
		try {
			org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(Provenance.class);
			if (b != null) {
				return b.getVersion().toString();
			}
		} catch (NoClassDefFoundError | RuntimeException e) {
			// plain classpath: no OSGi
		}
		return "0.1.0-dev";
	}

	static Map<String, Object> attributes(Operation op, Params params, InputInfo in, String key, String keyText, int partitions) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("ronchi_operation", op.id());
		a.put("ronchi_operation_name", op.name());
		a.put("ronchi_operation_version", op.version());
		a.put("parameters", params.toJson());
		a.put("source_file", in.file() == null ? "" : in.file().toAbsolutePath().normalize().toString());
		a.put("source_dataset", in.dataset());
		a.put("source_shape", in.shape());
		a.put("source_dtype", in.dtype().numpyName());
		a.put("source_navigation_rank", (long) in.navRank());
		a.put("time", OffsetDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		a.put("machine", machine());
		a.put("ronchi_version", VERSION);
		a.put("java_version", System.getProperty("java.version"));
		a.put("tool", op.id());
		a.put("num_source_dsets", 1L);
		a.put("timestamp", java.time.LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss")));
		a.put("machine_id", machine());
		a.put("platform", System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-" + System.getProperty("os.arch"));
		a.put("partitions", (long) partitions);
		if (key != null) {
			a.put(ResultsFile.KEY, key);
			a.put("ronchi_key_text", keyText);
		}
		a.put("source_shape_text", Shapes.format(in.shape()));
		return a;
	}

	/** From the environment first: a DNS look-up can stall for seconds offline. */
	static String machine() {
		if (machine == null) {
			machine = lookUpMachine();
		}
		return machine;
	}

	private static String lookUpMachine() {
		for (String v : new String[] { "HOSTNAME", "COMPUTERNAME" }) {
			String h = System.getenv(v);
			if (h != null && !h.isBlank()) {
				return h;
			}
		}
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		} catch (java.io.IOException e) {
			return "localhost";
		}
	}
}
