package org.ronchi.io.dectris.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.io.dectris.DectrisException;

/**
 * What a Dectris master file ({@code *_master.h5}, NeXus NXmx) says about its acquisition: the frames'
 * places, {@code /entry/data/data_NNNNNN}, each an external link to {@code /entry/data/data} of a data
 * file (or, when the detector was told to keep data in the master, a dataset of its own), in the order of
 * their numbers; and the trigger counts under {@code /entry/instrument/detector/detectorSpecific}:
 * {@code ntrigger} triggers of {@code nimages} frames each.
 */
final class MasterFile {
	static final String ENTRY = "entry";
	static final String DATA = "/entry/data";
	static final String DETECTOR = "/entry/instrument/detector";
	static final String SPECIFIC = DETECTOR + "/detectorSpecific";
	/** What the HDF5 tree lists for a link it does not follow ({@code Hdf5File}): {@code "file:path"}. */
	private static final String EXTERNAL = "external link ";
	private static final Pattern DATA_NAME = Pattern.compile("data_\\d{6}");

	/**
	 * One block of frames.
	 *
	 * @param name the link's name in /entry/data ({@code data_000001})
	 * @param file the data file's name as the link gives it, relative to the master's folder; null when
	 *             the frames are a dataset of the master itself
	 * @param path the dataset's path in that file
	 */
	record Block(String name, String file, String path) {
		/** @return the block as error messages and the original metadata name it */
		String where() {
			return DATA + "/" + name + (file == null ? "" : " -> " + file + ":" + path);
		}
	}

	final List<Block> blocks;
	/** {@code ntrigger} and {@code nimages}, or null where the master lacks them. */
	final Long triggers;
	final Long imagesPerTrigger;

	private MasterFile(List<Block> blocks, Long triggers, Long imagesPerTrigger) {
		this.blocks = blocks;
		this.triggers = triggers;
		this.imagesPerTrigger = imagesPerTrigger;
	}

	/** A cheap look at the tree the probe opened: data blocks in /entry/data beside Dectris's detectorSpecific group. */
	static boolean isDectris(Hdf5File h) {
		Group root = h.tree();
		return root.resolve(SPECIFIC) instanceof Group && root.resolve(DATA) instanceof Group data && !blocks(data).isEmpty();
	}

	static MasterFile read(Hdf5File h) {
		Group root = h.tree();
		if (!(root.resolve(DATA) instanceof Group data)) {
			throw new DectrisException(h.path(), DATA, "the master file has no data group");
		}
		List<Block> blocks = blocks(data);
		if (blocks.isEmpty()) {
			throw new DectrisException(h.path(), DATA, "the master file links no data_NNNNNN blocks");
		}
		return new MasterFile(blocks, count(root, "ntrigger"), count(root, "nimages"));
	}

	/** @return the blocks of /entry/data in the order of their numbers */
	private static List<Block> blocks(Group data) {
		List<Block> out = new ArrayList<>();
		for (Map.Entry<String, Object> a : data.attributes().entrySet()) {
			String key = a.getKey();
			if (key.startsWith(EXTERNAL) && DATA_NAME.matcher(key.substring(EXTERNAL.length())).matches()) {
				String target = Attributes.asString(a.getValue());
				int colon = target.lastIndexOf(":/"); // the path inside the target starts at the root
				if (colon > 0) {
					out.add(new Block(key.substring(EXTERNAL.length()), target.substring(0, colon), target.substring(colon + 1)));
				}
			}
		}
		for (Node c : data.children()) {
			if (c instanceof ArrayNode && DATA_NAME.matcher(c.name()).matches()) {
				out.add(new Block(c.name(), null, c.path()));
			}
		}
		out.sort(Comparator.comparing(Block::name));
		return out;
	}

	private static Long count(Group root, String name) {
		if (root.resolve(SPECIFIC + "/" + name) instanceof ArrayNode a && a.size() == 1) {
			Double v = Attributes.asDouble(NexusFields.value(a));
			return v == null || v < 1 ? null : v.longValue();
		}
		return null;
	}

	/** @return the frames the detector was told to record, or null if the master does not say */
	Long expectedFrames() {
		return triggers == null ? null : triggers * (imagesPerTrigger == null ? 1 : imagesPerTrigger);
	}
}
