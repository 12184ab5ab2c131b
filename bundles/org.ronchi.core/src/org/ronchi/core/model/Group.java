package org.ronchi.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A container of named nodes: an HDF5 group, an EMD node, a DM tag group turned into a tree. */
public final class Group extends Node {
	private final Map<String, Node> children = new LinkedHashMap<>();

	public Group(String name) {
		super(name);
	}

	/** Creates the root of a tree. */
	public static Group root() {
		return new Group("");
	}

	/** Adds a child; its name must be unique in this group. */
	public <T extends Node> T add(T child) {
		if (children.containsKey(child.name())) {
			throw new IllegalArgumentException(path() + ": already has a child named '" + child.name() + "'");
		}
		child.setParent(this);
		children.put(child.name(), child);
		return child;
	}

	/** @return the child group with this name, created if absent */
	public Group group(String childName) {
		Node n = children.get(childName);
		if (n instanceof Group g) {
			return g;
		}
		if (n != null) {
			throw new IllegalArgumentException(path() + "/" + childName + " is not a group");
		}
		return add(new Group(childName));
	}

	public Node child(String childName) {
		return children.get(childName);
	}

	public List<Node> children() {
		return Collections.unmodifiableList(new ArrayList<>(children.values()));
	}

	/**
	 * @param path absolute ("/a/b") or relative to this group ("a/b")
	 * @return the node, or null if there is none
	 */
	public Node resolve(String path) {
		Group start = this;
		if (path.startsWith("/")) {
			while (start.parent() != null) {
				start = start.parent();
			}
		}
		Node cur = start;
		for (String part : path.split("/")) {
			if (part.isEmpty()) {
				continue;
			}
			if (!(cur instanceof Group g)) {
				return null;
			}
			cur = g.child(part);
			if (cur == null) {
				return null;
			}
		}
		return cur;
	}

	/** Visits this group and every node below it, depth first, parents before children. */
	public void walk(Consumer<Node> visitor) {
		visitor.accept(this);
		for (Node n : children.values()) {
			if (n instanceof Group g) {
				g.walk(visitor);
			} else {
				visitor.accept(n);
			}
		}
	}

	/** @return every array node below this group, depth first */
	public List<ArrayNode> arrays() {
		List<ArrayNode> out = new ArrayList<>();
		walk(n -> {
			if (n instanceof ArrayNode a) {
				out.add(a);
			}
		});
		return out;
	}
}
