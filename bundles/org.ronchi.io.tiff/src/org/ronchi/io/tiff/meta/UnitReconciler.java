package org.ronchi.io.tiff.meta;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.metadata.Units;

/**
 * Completes a mapping for vendors whose values carry their own unit: when the original value a rule read is
 * {@code <entry>/value} and the entry has a {@code unit} beside it (Zeiss: {@code {value: 50, unit: "ns"}}),
 * the mapped quantity is converted from that unit to the rule's ({@code unit=s}). A mapping line cannot say
 * "in whatever unit the file shows"; this is the code the mapping format leaves to the loader.
 * Only rules with literal paths are converted (a wildcard could resolve the value and the unit differently);
 * a key first matched by a wildcard rule is left as mapped.
 */
final class UnitReconciler {
	private UnitReconciler() {
	}

	static void apply(MetadataMapping mapping, MetadataTree original, MetadataTree standard, List<String> warnings) {
		Set<String> decided = new HashSet<>();
		for (MetadataMapping.Rule rule : mapping.rules()) {
			if (decided.contains(rule.key())) {
				continue;
			}
			if (hasWildcard(rule.path())) {
				if (standard.has(rule.key())) {
					decided.add(rule.key()); // it may be this rule's value: leave the key as mapped
				}
				continue;
			}
			Object raw = original.at(rule.path());
			if (raw == null || rule.unit() != null && Attributes.asDouble(raw) == null) {
				continue; // the mapping skipped this rule too and tried the next one
			}
			decided.add(rule.key());
			String[] p = rule.path();
			if (rule.unit() == null || p.length < 2 || !p[p.length - 1].equals("value")
					|| !(standard.get(rule.key()) instanceof Quantity q)) {
				continue;
			}
			String[] entry = java.util.Arrays.copyOf(p, p.length - 1);
			Object unit = original.at(append(entry, "unit"));
			if (unit == null) {
				continue;
			}
			Double f = Units.factor(Attributes.asString(unit), rule.unit());
			if (f == null) {
				warnings.add(rule.key() + ": unit '" + unit + "' at " + String.join("/", entry) + " cannot be converted to '"
						+ rule.unit() + "'; dropped");
				standard.set(rule.key(), null);
			} else if (f != 1.0) {
				standard.set(rule.key(), new Quantity(round(q.value() * f), q.unit()));
			}
		}
	}

	/** 50 * 1e-9 is 5.0000000000000004E-8 in binary: keep the 12 digits a display value can have. */
	private static double round(double v) {
		return Double.isFinite(v) && v != 0 ? new java.math.BigDecimal(v).round(new java.math.MathContext(12)).doubleValue() : v;
	}

	private static boolean hasWildcard(String[] path) {
		for (String s : path) {
			if (s.equals("*") || s.equals("**")) {
				return true;
			}
		}
		return false;
	}

	private static String[] append(String[] a, String s) {
		String[] out = java.util.Arrays.copyOf(a, a.length + 1);
		out[a.length] = s;
		return out;
	}
}
