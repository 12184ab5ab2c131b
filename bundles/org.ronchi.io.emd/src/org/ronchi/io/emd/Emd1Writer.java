package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.emd.internal.Emd1Nodes;
import org.ronchi.io.emd.internal.Emd1Signals;

/**
 * Writes EMD 1.0 files (emdfile's layout, readable by py4DSTEM and RosettaSciIO). A file read as EMD
 * 1.0 is written back tree for tree: nodes, tags, metadata bundles (values with their types), the
 * roots' shared metadata (py4DSTEM's calibration), arrays with dims and slice labels, point lists and
 * point list arrays (variable-length records).
 * Any other file becomes one tree per signal: a root holding one Array (a DataCube when the signal is
 * 4-D with two navigation axes, with a Calibration in the root's metadata as py4DSTEM expects), dims
 * from the axes, the standard metadata as a flat Metadata named "metadata". Data is streamed.
 */
public final class Emd1Writer {
	private Emd1Writer() {
	}

	/**
	 * @return what could not be written (PointListArrays of non-numeric records), one message each;
	 *         empty if everything was
	 */
	public static List<String> write(DataFile file, Path out) {
		if ("EMD 1.0".equals(file.format())) {
			// reopened: PointListArray cells and record types come from the stored datasets, which the core tree lacks
			try (EmdFiles.Opened source = EmdFiles.open(file.path())) {
				List<String> skipped = new ArrayList<>();
				Map<Long, WGroup> metadataGroups = new HashMap<>(); // shared Metadata stays shared
				Hdf5Writer.write(out, root -> {
					fileAttributes(root);
					for (EmdNode t : source.trees()) {
						Emd1Nodes.write(root, t, skipped, source.hdf5(), metadataGroups);
					}
				});
				return skipped;
			}
		}
		return write(file.signals(), out);
	}

	/** Writes signals of any format, one tree each. */
	public static List<String> write(List<ArrayNode> signals, Path out) {
		Hdf5Writer.write(out, root -> {
			fileAttributes(root);
			// one Metadata group per distinct tree instance: signals sharing a tree share the group
			Map<MetadataTree, WGroup> written = new IdentityHashMap<>();
			for (ArrayNode s : signals) {
				Emd1Signals.write(root, s, written);
			}
		});
		return List.of();
	}

	private static void fileAttributes(WGroup root) {
		root.attribute(EmdNode.TYPE, "file").attribute("version_major", 1L).attribute("version_minor", 0L);
		root.attribute("UUID", UUID.randomUUID().toString()).attribute("authoring_program", "ronchi").attribute("authoring_user", "");
	}
}
