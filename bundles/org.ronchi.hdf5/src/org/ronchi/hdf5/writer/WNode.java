package org.ronchi.hdf5.writer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A group or dataset being written: a name in its parent group, and attributes. Nodes are also the
 * targets of object references ({@link Value#ref(WNode)}), resolved at close, so a reference may
 * point to a node created before or after it.
 */
public abstract sealed class WNode permits WGroup, WDataset {
	final Hdf5Writer writer;
	private final WGroup parent;
	private final String name;
	private final Map<String, Value> attributes = new LinkedHashMap<>();
	private ObjectHeader header;
	private int linkCount = 1;

	WNode(Hdf5Writer writer, WGroup parent, String name) {
		this.writer = writer;
		this.parent = parent;
		this.name = name;
	}

	/** @return the link name in the parent group ("" for the root) */
	public String name() {
		return name;
	}

	/** @return the absolute HDF5 path, e.g. {@code /Measurement_000/Channel_000/Raw_Data} */
	public String path() {
		if (parent == null) {
			return "/";
		}
		String p = parent.path();
		return (p.equals("/") ? "" : p) + "/" + name;
	}

	/**
	 * Sets an attribute, replacing any of the same name. The value is anything {@link Value#of(Object)}
	 * accepts; an attribute must stay under about 64 KiB (the limit of libhdf5's default file format).
	 *
	 * @return this node
	 */
	public WNode attribute(String attributeName, Object value) {
		String where = path() + "@" + attributeName;
		synchronized (writer.treeLock) {
			writer.checkOpen(where);
			try {
				Names.check(attributeName);
				Value v = Value.of(value);
				if (v.targets() != null) {
					for (WNode t : v.targets()) {
						if (t.writer != writer) {
							throw new IllegalArgumentException("reference to " + t.path() + " of another file");
						}
					}
				}
				long size = AttributeMessage.sizeOf(attributeName, v);
				if (size > AttributeMessage.MAX_SIZE) {
					throw new IllegalArgumentException("attribute of " + size + " bytes exceeds " + AttributeMessage.MAX_SIZE
							+ "; store large values as a dataset");
				}
				attributes.put(attributeName, v);
			} catch (IllegalArgumentException e) {
				throw writer.error(where, e.getMessage(), e);
			}
		}
		return this;
	}

	/** @return the attributes set so far, in the order they were first set */
	public Map<String, Value> attributes() {
		synchronized (writer.treeLock) {
			return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		}
	}

	Map<String, Value> attributesRef() {
		return attributes;
	}

	/** Counts one more hard link (the object header's reference count). */
	void linked() {
		linkCount++;
	}

	int linkCount() {
		return linkCount;
	}

	void header(ObjectHeader h) {
		this.header = h;
	}

	/** @return the object header's address, known once the writer has laid out the metadata at close */
	long headerAddress() {
		if (header == null || header.address == Block.UNDEF) {
			throw new IllegalStateException(path() + ": address not yet assigned");
		}
		return header.address;
	}

	@Override
	public String toString() {
		return path();
	}
}
