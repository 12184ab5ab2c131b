package org.ronchi.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An object in a file's tree: a {@link Group} or an {@link ArrayNode}, with its attributes. Attribute
 * values are plain Java values as read: String, Number, Boolean, primitive or String arrays, or
 * {@link Reference} for object references.
 */
public abstract sealed class Node permits Group, ArrayNode {
	private final String name;
	private Group parent;
	private final Map<String, Object> attributes = new LinkedHashMap<>();

	protected Node(String name) {
		this.name = Objects.requireNonNull(name, "name");
	}

	public String name() {
		return name;
	}

	public Group parent() {
		return parent;
	}

	void setParent(Group parent) {
		this.parent = parent;
	}

	/** @return the absolute path, "/" for the root, "/a/b" below it */
	public String path() {
		if (parent == null) {
			return "/";
		}
		String p = parent.path();
		return p.endsWith("/") ? p + name : p + "/" + name;
	}

	/** @return the attributes, in file order; read-only */
	public Map<String, Object> attributes() {
		return Collections.unmodifiableMap(attributes);
	}

	public Node attribute(String key, Object value) {
		attributes.put(key, value);
		return this;
	}

	public Object attribute(String key) {
		return attributes.get(key);
	}

	/** @return the attribute as a string (decoding byte arrays and one-element arrays), or null */
	public String stringAttribute(String key) {
		return Attributes.asString(attributes.get(key));
	}
}
