package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * A node of an EMD 1.0 tree (emdfile's Node): a group tagged with {@code emd_group_type} and
 * {@code python_class}, holding named {@link EmdMetadata} in its {@code metadatabundle} and child nodes
 * as child groups. Roots, plain nodes and custom nodes are EmdNodes; {@link EmdArray},
 * {@link EmdPointList} and {@link EmdPointListArray} add their data.
 */
public class EmdNode {
	public static final String TYPE = "emd_group_type";
	public static final String PYTHON_CLASS = "python_class";
	public static final String BUNDLE = "metadatabundle";

	private final Group group;
	private final String type;
	private final String pythonClass;
	private final List<EmdMetadata> metadata;
	private final List<EmdNode> children = new ArrayList<>();
	private EmdNode parent;

	protected EmdNode(Path file, Group group, String type) {
		this.group = group;
		this.type = type;
		this.pythonClass = group.stringAttribute(PYTHON_CLASS);
		this.metadata = readBundle(file, group);
	}

	/**
	 * Reads a node and, recursively, its children: the one dispatch on {@code emd_group_type}
	 * ({@code custom_*} types read as their base type).
	 *
	 * @throws EmdException for an unknown type or a broken node
	 */
	public static EmdNode read(Path file, Group g) {
		String type = g.stringAttribute(TYPE);
		if (type == null) {
			throw new EmdException(file, g.path(), "not an EMD node: no " + TYPE + " attribute");
		}
		String base = type.startsWith("custom_") ? type.substring(7) : type;
		EmdNode node = switch (base) {
		case "root", "node", "custom" -> new EmdNode(file, g, type);
		case "array" -> new EmdArray(file, g, type);
		case "pointlist" -> new EmdPointList(file, g, type);
		case "pointlistarray" -> new EmdPointListArray(file, g, type);
		default -> throw new EmdException(file, g.path(), "unsupported " + TYPE + ": " + type);
		};
		for (Node c : g.children()) {
			if (c instanceof Group cg && cg.attribute(TYPE) != null && !BUNDLE.equals(cg.name())) {
				EmdNode child = read(file, cg);
				child.parent = node;
				node.children.add(child);
			}
		}
		return node;
	}

	private static List<EmdMetadata> readBundle(Path file, Group g) {
		List<EmdMetadata> out = new ArrayList<>();
		if (g.child(BUNDLE) instanceof Group bundle) {
			for (Node m : bundle.children()) {
				if (m instanceof Group mg) {
					out.add(EmdMetadata.read(file, mg));
				}
			}
		}
		return out;
	}

	public String name() {
		return group.name();
	}

	/** @return the group type as written, e.g. "root", "array", "custom_node" */
	public String type() {
		return type;
	}

	/** @return the Python class that wrote it (DataCube, RealSlice, Calibration...), or null */
	public String pythonClass() {
		return pythonClass;
	}

	public Group group() {
		return group;
	}

	public EmdNode parent() {
		return parent;
	}

	/** @return the root of this node's tree */
	public EmdNode root() {
		EmdNode n = this;
		while (n.parent != null) {
			n = n.parent;
		}
		return n;
	}

	public List<EmdNode> children() {
		return Collections.unmodifiableList(children);
	}

	public List<EmdMetadata> metadata() {
		return Collections.unmodifiableList(metadata);
	}

	/** @return the named metadata of this node, or null */
	public EmdMetadata metadata(String metadataName) {
		return metadata.stream().filter(m -> m.name().equals(metadataName)).findFirst().orElse(null);
	}

	/** @return the node's path inside its tree, "" for a root ("datacube", "datacube/virtual_image") */
	public String treePath() {
		return parent == null ? "" : parent.parent == null ? name() : parent.treePath() + "/" + name();
	}

	/** Visits this node and its descendants, parents first. */
	public void walk(Consumer<EmdNode> visitor) {
		visitor.accept(this);
		children.forEach(c -> c.walk(visitor));
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + " " + group.path() + " (" + type + ", " + pythonClass + ")";
	}
}
