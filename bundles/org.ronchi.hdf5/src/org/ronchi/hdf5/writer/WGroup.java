package org.ronchi.hdf5.writer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.DType;

/**
 * A group being written: creates child groups and datasets. Names are unique among a group's
 * children; structure may be built from several threads.
 */
public final class WGroup extends WNode {
	private final Map<String, WNode> children = new LinkedHashMap<>();
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

	/** @return the child of that name, or null */
	public WNode child(String name) {
		synchronized (writer.treeLock) {
			return children.get(name);
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
				if (children.containsKey(name)) {
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

	void table(GroupTable t) {
		this.table = t;
	}

	GroupTable table() {
		return table;
	}
}
