package org.ronchi.core.metadata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.Attributes;

/**
 * Maps a vendor's original metadata tree onto the standard schema (docs/metadata.md). The mapping is
 * data, one text file per vendor, one line per standard key:
 *
 * <pre>
 * # standard key                          original path (segments by '/', '*' = any one key, '**' = any depth)   options
 * acquisition.instrument.beam_energy   &lt;- ImageList/* /ImageTags/Microscope Info/Voltage                        ; unit=kV ; scale=0.001
 * </pre>
 *
 * Several lines for the same key are fallbacks, tried in order. A '/' inside a key is written {@code \/}.
 * Options: {@code unit=} (the standard
 * value becomes a {@link Quantity}), {@code scale=} (multiplied in first), {@code as=text|number|int|unixtime}.
 * A value that should be a number but is not ("notafloat") is dropped with a warning, never an error.
 */
public final class MetadataMapping {

	/** One line of a mapping file. */
	public record Rule(String key, String[] path, String unit, double scale, String as, int line) {
	}

	/** The standard tree made by {@link #apply}, and what could not be mapped. */
	public record Result(MetadataTree standard, List<String> warnings) {
	}

	private final List<Rule> rules;
	private final String source;

	private MetadataMapping(List<Rule> rules, String source) {
		this.rules = rules;
		this.source = source;
	}

	public List<Rule> rules() {
		return Collections.unmodifiableList(rules);
	}

	/** Parses a mapping file; {@code source} names it in errors. */
	public static MetadataMapping parse(InputStream in, String source) throws IOException {
		List<Rule> rules = new ArrayList<>();
		BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int n = 0;
		while ((line = r.readLine()) != null) {
			n++;
			String t = line.strip();
			if (t.isEmpty() || t.startsWith("#")) {
				continue;
			}
			int arrow = t.indexOf("<-");
			if (arrow < 0) {
				throw new IOException(source + ":" + n + ": expected 'standard.key <- original/path', got: " + t);
			}
			String key = t.substring(0, arrow).strip();
			String[] rest = t.substring(arrow + 2).split(";");
			String path = rest[0].strip();
			String unit = null;
			String as = null;
			double scale = 1.0;
			for (int i = 1; i < rest.length; i++) {
				String opt = rest[i].strip();
				int eq = opt.indexOf('=');
				if (eq < 0) {
					throw new IOException(source + ":" + n + ": bad option '" + opt + "'");
				}
				String name = opt.substring(0, eq).strip();
				String value = opt.substring(eq + 1).strip();
				switch (name) {
				case "unit" -> unit = value;
				case "scale" -> scale = Double.parseDouble(value);
				case "as" -> as = value;
				default -> throw new IOException(source + ":" + n + ": unknown option '" + name + "'");
				}
			}
			rules.add(new Rule(key, segments(path), unit, scale, as, n));
		}
		return new MetadataMapping(rules, source);
	}

	/** Splits a path at '/', except where written "\\/": a key that contains a slash ("Dispersion (eV/ch)"). */
	static String[] segments(String path) {
		String[] parts = path.split("(?<!\\\\)/");
		for (int i = 0; i < parts.length; i++) {
			parts[i] = parts[i].replace("\\/", "/");
		}
		return parts;
	}

	/** @return a mapping with other's rules tried before this one's (user overrides first) */
	public MetadataMapping withOverrides(MetadataMapping other) {
		List<Rule> all = new ArrayList<>(other.rules);
		all.addAll(rules);
		return new MetadataMapping(all, other.source + " + " + source);
	}

	/** Maps the original tree; the first rule that finds a usable value for a key wins. */
	public Result apply(MetadataTree original) {
		MetadataTree standard = new MetadataTree();
		List<String> warnings = new ArrayList<>();
		for (Rule rule : rules) {
			if (standard.has(rule.key())) {
				continue;
			}
			Object raw = find(original, rule.path(), 0);
			if (raw == null) {
				continue;
			}
			Object value = convert(rule, raw, warnings);
			if (value != null) {
				standard.set(rule.key(), value);
			}
		}
		return new Result(standard, warnings);
	}

	private Object convert(Rule rule, Object raw, List<String> warnings) {
		String as = rule.as() != null ? rule.as() : rule.unit() != null ? "number" : null;
		if (as == null) {
			if (raw instanceof Number n && rule.scale() != 1.0) {
				return n.doubleValue() * rule.scale();
			}
			return raw instanceof MetadataTree ? null : raw;
		}
		switch (as) {
		case "text":
			return Attributes.asString(raw);
		case "number", "int": {
			Double d = Attributes.asDouble(raw);
			if (d == null || d.isNaN()) {
				warnings.add(rule.key() + ": '" + Attributes.asString(raw) + "' at " + String.join("/", rule.path())
						+ " is not a number; dropped");
				return null;
			}
			double v = d * rule.scale();
			if (as.equals("int")) {
				return Math.round(v);
			}
			return rule.unit() != null ? new Quantity(v, rule.unit()) : v;
		}
		case "unixtime": {
			Double d = Attributes.asDouble(raw);
			if (d == null) {
				warnings.add(rule.key() + ": '" + raw + "' is not a Unix time; dropped");
				return null;
			}
			return Instant.ofEpochMilli(Math.round(d * rule.scale() * 1000)).atOffset(ZoneOffset.UTC).toString();
		}
		default:
			warnings.add(source + ":" + rule.line() + ": unknown conversion as=" + as);
			return null;
		}
	}

	/** Finds the first value matching the path pattern, depth first in tree order. */
	static Object find(Object node, String[] path, int i) {
		if (i == path.length) {
			return node;
		}
		if (!(node instanceof MetadataTree t)) {
			return null;
		}
		String seg = path[i];
		if (seg.equals("**")) {
			Object here = find(t, path, i + 1);
			if (here != null) {
				return here;
			}
			for (Object child : t.entries().values()) {
				Object found = find(child, path, i);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		if (seg.equals("*")) {
			for (Map.Entry<String, Object> e : t.entries().entrySet()) {
				Object found = find(e.getValue(), path, i + 1);
				if (found != null) {
					return found;
				}
			}
			return null;
		}
		return find(t.child(seg), path, i + 1);
	}
}
