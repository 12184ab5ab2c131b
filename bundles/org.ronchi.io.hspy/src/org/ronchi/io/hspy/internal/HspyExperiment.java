package org.ronchi.io.hspy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.io.hspy.HspyException;
import org.ronchi.io.hspy.HspyVersion;
import org.ronchi.io.hspy.HyperSpyMetadata;

/**
 * One {@code Experiments/<title>} group of a HyperSpy file: its {@code data} dataset as a signal (lazy,
 * in the stored order, which is HyperSpy's), the {@code axis-N} groups ({@link HspyAxes}), the
 * {@code metadata} and {@code original_metadata} groups ({@code mapped_parameters} and
 * {@code original_parameters} before version 1.2) and the decomposition results.
 * <p>
 * The signal node is the {@code data} node of the file's tree itself, so a writer finds the groups it
 * came with next to it ({@link #of(Node)}); a ragged signal ({@link HspyRagged}) is a node
 * {@value HspyRagged#NODE} added beside it, the row counts carrying the point lists.
 */
final class HspyExperiment {
	/** The kind of a signal read from a HyperSpy experiment group. */
	static final String KIND = "hspy-signal";
	/** The kind of the arrays of a decomposition ({@code learning_results}). */
	static final String LEARNING_KIND = "learning-results";
	static final String UNNAMED = "__unnamed__";

	private HspyExperiment() {
	}

	/** @return whether HyperSpy reads this group as a signal: a group holding a {@code data} dataset */
	static boolean isExperiment(Node n) {
		return n instanceof Group g && g.child("data") instanceof ArrayNode;
	}

	/** @return the experiment group a signal node was read from, or null if it was not read from one */
	static Group of(Node signal) {
		Group p = signal.parent();
		boolean dataNode = signal.name().equals("data") || signal.name().equals(HspyRagged.NODE);
		return signal instanceof ArrayNode && dataNode && p != null && p.child("axis-0") instanceof Group
				&& (p.child("metadata") instanceof Group || p.child("mapped_parameters") instanceof Group) ? p : null;
	}

	static String metadataGroup(HspyVersion v) {
		return v.atLeast(HspyVersion.METADATA_RENAMED) ? "metadata" : "mapped_parameters";
	}

	static String originalGroup(HspyVersion v) {
		return v.atLeast(HspyVersion.METADATA_RENAMED) ? "original_metadata" : "original_parameters";
	}

	/**
	 * Describes the signal of an experiment group on its {@code data} node.
	 *
	 * @param warnings gets what could not be mapped
	 * @return the data node, with axes, title, quantity and both metadata trees
	 */
	static ArrayNode read(Hdf5File h, Group g, HspyVersion v, List<String> warnings) {
		Path file = h.path();
		ArrayNode data = (ArrayNode) g.child("data");
		if (g.child(HspyRagged.SHAPES) instanceof ArrayNode shapes) {
			HspyRagged ragged = HspyRagged.read(file, h, data, shapes);
			data = g.add(new ArrayNode(HspyRagged.NODE, ragged.counts()).pointLists(ragged));
		} else if (!data.dtype().isNumeric()) {
			throw new HspyException(file, data.path(), data.dtype().numpyName() + " data has no numeric form in Ronchi");
		}
		MetadataTree metadata = g.child(metadataGroup(v)) instanceof Group m ? HspyTree.read(m) : new MetadataTree();
		MetadataTree original = g.child(originalGroup(v)) instanceof Group o ? HspyTree.read(o) : new MetadataTree();
		String recordBy = Attributes.asString(metadata.at("Signal", "record_by"));
		if (recordBy == null) {
			recordBy = Attributes.asString(metadata.child("record_by")); // v1.0: flat mapped_parameters
		}
		List<Axis> axes = HspyAxes.read(file, g, data.shape(), recordBy);
		String title = Attributes.asString(metadata.at("General", "title"));
		if (title == null) {
			title = Attributes.asString(metadata.child("title"));
		}
		if (title == null || title.equals(UNNAMED)) {
			title = "";
		}
		MetadataMapping.Result r = HyperSpyMetadata.standard(metadata);
		warnings.addAll(r.warnings());
		MetadataTree standard = r.standard();
		if (!title.isEmpty()) {
			standard.set("general.title", title);
		}
		if (!standard.has("general.original_filename")) {
			standard.set("general.original_filename", file.getFileName().toString());
		}
		MetadataTree tree = new MetadataTree();
		tree.put("metadata", metadata);
		tree.put("original_metadata", original);
		data.axes(axes).title(title).kind(data.pointLists() != null ? PointListSource.KIND : KIND).metadata(standard).originalMetadata(tree);
		data.quantity(Attributes.asString(standard.get("signal.quantity")), Attributes.asString(standard.get("signal.units")));
		learningResults(g, axes);
		return data;
	}

	/**
	 * Marks the arrays of the decomposition results (HyperSpy's learning_results, peak_learning_results,
	 * mva_results before 1.1) and names their axes: factors (signal position x component), loadings
	 * (navigation position x component), explained variance (component).
	 */
	private static void learningResults(Group g, List<Axis> axes) {
		long navSize = 1;
		long sigSize = 1;
		Axis onlyNav = null;
		Axis onlySig = null;
		int nav = 0;
		int sig = 0;
		for (Axis a : axes) {
			if (a.navigate()) {
				navSize *= a.size();
				onlyNav = a;
				nav++;
			} else {
				sigSize *= a.size();
				onlySig = a;
				sig++;
			}
		}
		for (String name : new String[] { "learning_results", "peak_learning_results", "mva_results", "peak_mva_results" }) {
			if (!(g.child(name) instanceof Group lr)) {
				continue;
			}
			for (Node n : lr.children()) {
				if (!(n instanceof ArrayNode a) || !a.dtype().isNumeric()) {
					continue;
				}
				a.kind(LEARNING_KIND);
				long[] s = a.shape();
				if (s.length == 2 && (n.name().startsWith("factors") || n.name().startsWith("loadings"))) {
					boolean factors = n.name().startsWith("factors");
					long positions = factors ? sigSize : navSize;
					Axis single = factors ? (sig == 1 ? onlySig : null) : (nav == 1 ? onlyNav : null);
					if (s[0] == positions) {
						Axis first = single != null ? single.withNavigate(!factors) : Axis.index(factors ? "signal position" : "navigation position", s[0]).withNavigate(!factors);
						a.axes(List.of(first, Axis.index("component", s[1])));
					}
				} else if (s.length == 1 && n.name().startsWith("explained_variance")) {
					a.axes(List.of(Axis.index("component", s[0])));
				}
			}
		}
	}

	/** @return the experiment groups of a HyperSpy file: Experiments' children holding data, by name as h5py lists them */
	static List<Group> experiments(Group root) {
		List<Group> out = new ArrayList<>();
		if (root.child("Experiments") instanceof Group e) {
			List<Node> children = new ArrayList<>(e.children());
			children.sort(java.util.Comparator.comparing(Node::name));
			for (Node n : children) {
				if (isExperiment(n)) {
					out.add((Group) n);
				}
			}
		}
		return out;
	}
}
