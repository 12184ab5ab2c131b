package org.ronchi.headless;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * {@code -o KEY=VALUE} options handed to the loader (e.g. Velox {@code sum_frames=false}, TIFF
 * {@code crop_databar=true}); a mixin shared by the commands that open a file. Values that read as
 * booleans or integers are passed as such, everything else as text; each loader documents its options
 * in docs/formats/ and rejects unknown ones.
 */
final class LoaderOptions {
	@Option(names = { "-o", "--option" }, paramLabel = "KEY=VALUE", description = "a loader option, e.g. -o sum_frames=false "
			+ "(Velox) or -o crop_databar=true (TIFF); repeatable")
	List<String> raw = List.of();

	Map<String, Object> map() {
		return parse(raw);
	}

	/** @return KEY=VALUE texts as a map, booleans and integers typed (also for writer options) */
	static Map<String, Object> parse(List<String> keyValues) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (String kv : keyValues) {
			int eq = kv.indexOf('=');
			if (eq <= 0) {
				throw new IllegalArgumentException("option '" + kv + "' is not KEY=VALUE");
			}
			m.put(kv.substring(0, eq).strip(), value(kv.substring(eq + 1).strip()));
		}
		return m;
	}

	private static Object value(String v) {
		if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
			return Boolean.parseBoolean(v);
		}
		try {
			return Integer.parseInt(v);
		} catch (NumberFormatException e) {
			return v;
		}
	}
}
