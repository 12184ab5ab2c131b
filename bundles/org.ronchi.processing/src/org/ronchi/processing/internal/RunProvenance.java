package org.ronchi.processing.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Params;
import org.ronchi.processing.results.Provenance;

/** The {@link Provenance} of a finished run: the request, the source, and where and when it ran. */
final class RunProvenance {
	static final String VERSION = version();
	private static volatile String machine;

	private RunProvenance() {
	}

	private static String version() {
		try {
			org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(RunProvenance.class);
			if (b != null) {
				return b.getVersion().toString();
			}
		} catch (NoClassDefFoundError | RuntimeException e) {
			// plain classpath: no OSGi
		}
		return "0.1.0-dev";
	}

	static Provenance of(Operation op, Params params, InputInfo in, String key, String keyText, int partitions, String slice, String checksum,
			Map<String, String> parameterSources) {
		Map<String, Dataset> arrays = new LinkedHashMap<>();
		for (Map.Entry<String, Object> e : params.values().entrySet()) {
			if (e.getValue() instanceof Dataset d) {
				arrays.put(e.getKey(), d);
			}
		}
		return new Provenance(op.id(), op.name(), op.version(), params.toJson(), arrays,
				in.file() == null ? "" : in.file().toAbsolutePath().normalize().toString(), in.dataset(), in.shape(), in.dtype().numpyName(),
				in.navRank(), key, keyText, partitions, OffsetDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), machine(),
				VERSION, System.getProperty("java.version"),
				System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-" + System.getProperty("os.arch"), slice, checksum,
				parameterSources);
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
