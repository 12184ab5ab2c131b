package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * An EMD 1.0 file (emdfile): the file's root group carries {@code emd_group_type = "file"},
 * {@code version_major = 1}, {@code version_minor} (and optionally {@code version_release},
 * {@code UUID}, {@code authoring_program}); each of its child groups of type "root" is one tree.
 */
public final class EmdTree {
	private EmdTree() {
	}

	/** @return true if the group is the root of an EMD 1.x file */
	public static boolean isEmd1(Group fileRoot) {
		Double major = Attributes.asDouble(fileRoot.attribute("version_major"));
		return "file".equals(fileRoot.stringAttribute(EmdNode.TYPE)) && major != null && major == 1;
	}

	/** @return "major.minor[.release]" */
	public static String version(Group fileRoot) {
		StringBuilder v = new StringBuilder();
		for (String k : List.of("version_major", "version_minor", "version_release")) {
			Object o = fileRoot.attribute(k);
			if (o != null) {
				Double d = Attributes.asDouble(o);
				v.append(v.length() > 0 ? "." : "").append(d != null ? Long.toString(d.longValue()) : Attributes.asString(o));
			}
		}
		return v.toString();
	}

	/**
	 * @return the trees of the file, one per root group, in file order
	 * @throws EmdException if the file is not EMD 1.x or a node is broken
	 */
	public static List<EmdNode> read(Path file, Group fileRoot) {
		if (!isEmd1(fileRoot)) {
			throw new EmdException(file, "/", "not an EMD 1.0 file: the root needs emd_group_type = \"file\" and version_major = 1");
		}
		List<EmdNode> roots = new ArrayList<>();
		for (Node n : fileRoot.children()) {
			if (n instanceof Group g && "root".equals(g.stringAttribute(EmdNode.TYPE))) {
				roots.add(EmdNode.read(file, g));
			}
		}
		return roots;
	}
}
