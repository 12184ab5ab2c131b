package org.ronchi.hdf5.writer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.DType;

/**
 * A group being written: creates child groups, datasets and external links. Names are unique among a
 * group's links; structure may be built from several threads. A group with external links is written
 * as a new-style compact group (link messages in its header), any other as an old-style group.
 */
public final class WGroup extends WNode {
	/** An external link's target: an object path in another HDF5 file. */
	record External(String name, String file, String objectPath) {
	}

	private final Map<String, WNode> children = new LinkedHashMap<>();
	private final Map<String, External> externals = new LinkedHashMap<>();
	/** Second (third...) names of nodes created elsewhere in this file: HDF5 hard links. */
	private final Map<String, WNode> hardLinks = new LinkedHashMap<>();
	private GroupTable table;

	WGroup(Hdf5Writer writer, WGroup parent, String name) {
		super(writer, parent, name);
	}

	@Override
	public WGroup attribute(String attributeName, Object value) {
		super.attribute(attributeName, value);
		return this;
	}

	/** Creates a child group. */
	public WGroup group(String name) {
		return add(name, () -> new WGroup(writer, this, name));
	}

	/** Declares a dataset of a core dtype, to be written with the {@code write*} methods of the result. */
	public WDataset dataset(String name, DType dtype, long[] shape, DatasetOptions options) {
		return add(name, () -> new WDataset(writer, this, name, Datatype.of(dtype), dtype, shape, options));
	}

	/** Declares a dataset of any fixed-size type, e.g. a compound record, written as raw bytes. */
	public WDataset dataset(String name, Datatype type, long[] shape, DatasetOptions options) {
		return add(name, () -> new WDataset(writer, this, name, type, null, shape, options));
	}

	/**
	 * Creates a contiguous dataset holding a value in memory: anything {@link Value#of(Object)} accepts,
	 * including variable-length strings and object references (a 0-d scalar for single values).
	 */
	public WDataset dataset(String name, Object value) {
		return add(name, () -> WDataset.of(writer, this, name, Value.of(value)));
	}

	/**
	 * Adds an external link: h5py's {@code group[name]} then opens {@code objectPath} in
	 * {@code targetFile}. The target is not checked and need not exist (a dangling link is valid HDF5).
	 * libhdf5 resolves a relative file name against its environment ({@code HDF5_EXT_PREFIX}), then the
	 * directory of the file holding the link; an absolute name is used as is.
	 *
	 * @param targetPath absolute object path in the target file, e.g. {@code /data/frames}
	 * @return this group
	 */
	public WGroup externalLink(String name, String targetFile, String targetPath) {
		String where = (path().equals("/") ? "" : path()) + "/" + name;
		synchronized (writer.treeLock) {
			writer.checkOpen(where);
			try {
				Names.checkLink(name);
				if (targetFile == null || targetFile.isEmpty() || targetFile.indexOf('\0') >= 0) {
					throw new IllegalArgumentException("invalid external file name: '" + targetFile + "'");
				}
				if (targetPath == null || targetPath.isEmpty() || targetPath.indexOf('\0') >= 0) {
					throw new IllegalArgumentException("invalid external object path: '" + targetPath + "'");
				}
				if (used(name)) {
					throw new IllegalArgumentException("name already used in " + path());
				}
				if (LinkMessage.externalSize(name, targetFile, targetPath) > AttributeMessage.MAX_SIZE) {
					throw new IllegalArgumentException("external link target too long");
				}
				externals.put(name, new External(name, targetFile, targetPath));
			} catch (IllegalArgumentException e) {
				throw writer.error(where, e.getMessage(), e);
			}
		}
		return this;
	}

	/**
	 * Adds a hard link: {@code name} in this group becomes another name of {@code target}, a node of
	 * the same file created with {@link #group}/{@link #dataset} (one object, so h5py's
	 * {@code f[a].id == f[b].id}; its reference count is the number of its names). The node keeps its
	 * first path as {@link #path()}.
	 *
	 * @return this group
	 */
	public WGroup hardLink(String name, WNode target) {
		String where = (path().equals("/") ? "" : path()) + "/" + name;
		synchronized (writer.treeLock) {
			writer.checkOpen(where);
			try {
				Names.checkLink(name);
				if (target == null || target.writer != writer) {
					throw new IllegalArgumentException("hard link target is not a node of this file");
				}
				if (used(name)) {
					throw new IllegalArgumentException("name already used in " + path());
				}
				hardLinks.put(name, target);
				target.linked();
			} catch (IllegalArgumentException e) {
				throw writer.error(where, e.getMessage(), e);
			}
		}
		return this;
	}

	private boolean used(String name) {
		return children.containsKey(name) || externals.containsKey(name) || hardLinks.containsKey(name);
	}

	/** @return the child (or hard-linked node) of that name, or null */
	public WNode child(String name) {
		synchronized (writer.treeLock) {
			WNode c = children.get(name);
			return c != null ? c : hardLinks.get(name);
		}
	}

	private interface Factory<T extends WNode> {
		T create() throws Exception;
	}

	private <T extends WNode> T add(String name, Factory<T> factory) {
		String where = (path().equals("/") ? "" : path()) + "/" + name;
		synchronized (writer.treeLock) {
			writer.checkOpen(where);
			try {
				Names.checkLink(name);
				if (used(name)) {
					throw new IllegalArgumentException("name already used in " + path());
				}
				T node = factory.create();
				children.put(name, node);
				return node;
			} catch (IllegalArgumentException e) {
				throw writer.error(where, e.getMessage(), e);
			} catch (Exception e) {
				throw writer.failed(where, e);
			}
		}
	}

	List<WNode> childList() {
		return new ArrayList<>(children.values());
	}

	/** @return every hard link of this group by name: its own children, then the added links */
	List<Map.Entry<String, WNode>> links() {
		List<Map.Entry<String, WNode>> all = new ArrayList<>();
		children.values().forEach(c -> all.add(Map.entry(c.name(), c)));
		all.addAll(hardLinks.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
		return all;
	}

	List<External> externalList() {
		return new ArrayList<>(externals.values());
	}

	void table(GroupTable t) {
		this.table = t;
	}

	/** @return the old-style index, or null for a new-style group (one with external links) */
	GroupTable table() {
		return table;
	}
}
