package org.ronchi.core.metadata;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A hierarchical, ordered, typed metadata tree. Leaves are String, Number, Boolean, {@link Quantity},
 * {@code java.time} values, primitive or String arrays, or Lists of those; branches are MetadataTrees.
 * <p>
 * Keys are stored verbatim (vendor keys may contain dots and spaces), so paths are given as separate
 * segments; {@link #set(String, Object)} and {@link #get(String)} accept a dotted path for the standard
 * schema, whose keys never contain dots.
 * <p>
 * A tree is a plain mutable object: two signals that hold the same instance share it (an edit shows in
 * both), {@link #copy()} makes an independent deep copy, as py4DSTEM's metadata objects do.
 */
public final class MetadataTree {
	private final Map<String, Object> entries = new LinkedHashMap<>();

	/** Sets a direct child value (a leaf or a subtree). A null value removes the key. */
	public MetadataTree put(String key, Object value) {
		if (value == null) {
			entries.remove(key);
		} else {
			entries.put(key, value);
		}
		return this;
	}

	/** Sets a value at a dotted path, creating branches on the way. */
	public MetadataTree set(String dottedPath, Object value) {
		String[] parts = dottedPath.split("\\.");
		MetadataTree t = this;
		for (int i = 0; i < parts.length - 1; i++) {
			t = t.branch(parts[i]);
		}
		t.put(parts[parts.length - 1], value);
		return this;
	}

	/** @return the subtree under key, created if absent */
	public MetadataTree branch(String key) {
		Object v = entries.get(key);
		if (v instanceof MetadataTree t) {
			return t;
		}
		MetadataTree t = new MetadataTree();
		entries.put(key, t);
		return t;
	}

	/** @return the direct child value, or null */
	public Object child(String key) {
		return entries.get(key);
	}

	/** @return the value at the path of verbatim segments, or null */
	public Object at(String... path) {
		Object cur = this;
		for (String p : path) {
			if (!(cur instanceof MetadataTree t)) {
				return null;
			}
			cur = t.entries.get(p);
			if (cur == null) {
				return null;
			}
		}
		return cur;
	}

	/** @return the value at a dotted path, or null */
	public Object get(String dottedPath) {
		return at(dottedPath.split("\\."));
	}

	public boolean has(String dottedPath) {
		return get(dottedPath) != null;
	}

	/** @return the first value stored under this key anywhere in the tree, depth first */
	public Optional<Object> find(String key) {
		Object v = entries.get(key);
		if (v != null) {
			return Optional.of(v);
		}
		for (Object child : entries.values()) {
			if (child instanceof MetadataTree t) {
				Optional<Object> found = t.find(key);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** @return every dotted path whose last segment equals key, depth first */
	public List<String> findPaths(String key) {
		List<String> out = new ArrayList<>();
		collectPaths(key, "", out);
		return out;
	}

	private void collectPaths(String key, String prefix, List<String> out) {
		for (Map.Entry<String, Object> e : entries.entrySet()) {
			String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
			if (e.getKey().equals(key)) {
				out.add(p);
			}
			if (e.getValue() instanceof MetadataTree t) {
				t.collectPaths(key, p, out);
			}
		}
	}

	public Set<String> keys() {
		return Collections.unmodifiableSet(entries.keySet());
	}

	public Map<String, Object> entries() {
		return Collections.unmodifiableMap(entries);
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}

	public int size() {
		return entries.size();
	}

	/** @return an independent deep copy (arrays cloned) */
	public MetadataTree copy() {
		MetadataTree c = new MetadataTree();
		for (Map.Entry<String, Object> e : entries.entrySet()) {
			c.entries.put(e.getKey(), copyValue(e.getValue()));
		}
		return c;
	}

	private static Object copyValue(Object v) {
		if (v instanceof MetadataTree t) {
			return t.copy();
		}
		if (v != null && v.getClass().isArray()) {
			int n = Array.getLength(v);
			Object c = Array.newInstance(v.getClass().getComponentType(), n);
			System.arraycopy(v, 0, c, 0, n);
			return c;
		}
		if (v instanceof List<?> l) {
			List<Object> c = new ArrayList<>(l.size());
			for (Object o : l) {
				c.add(copyValue(o));
			}
			return c;
		}
		return v;
	}

	/** Copies every entry of other into this tree, merging branches; other's leaves win. */
	public MetadataTree merge(MetadataTree other) {
		for (Map.Entry<String, Object> e : other.entries.entrySet()) {
			if (e.getValue() instanceof MetadataTree ot && entries.get(e.getKey()) instanceof MetadataTree mine) {
				mine.merge(ot);
			} else {
				entries.put(e.getKey(), copyValue(e.getValue()));
			}
		}
		return this;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof MetadataTree t) || t.entries.size() != entries.size()) {
			return false;
		}
		for (Map.Entry<String, Object> e : entries.entrySet()) {
			Object ov = t.entries.get(e.getKey());
			if (!java.util.Objects.deepEquals(e.getValue(), ov)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public int hashCode() {
		return entries.keySet().hashCode();
	}

	@Override
	public String toString() {
		return entries.toString();
	}
}
