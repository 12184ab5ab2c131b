package org.ronchi.io.dm.tags;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.dm.DmFormatException;

/**
 * A whole DM3/DM4 file: the {@link DmHeader} and the root {@link TagGroup}, read into a
 * {@link MetadataTree} with DM's key names verbatim. Array values left in the file (the image data) are
 * found with {@link #array}; in the tree they are replaced by a description of where they are.
 */
public final class TagFile {
	private final DmHeader header;
	private final MetadataTree root;
	private final Map<MetadataTree, Map<String, ArrayRef>> onDisk;

	private TagFile(DmHeader header, MetadataTree root, Map<MetadataTree, Map<String, ArrayRef>> onDisk) {
		this.header = header;
		this.root = root;
		this.onDisk = onDisk;
	}

	/** Reads the header and every tag; array values above a few MB and image data stay on disk. */
	public static TagFile read(Path file, FileChannel channel) {
		long length;
		try {
			length = channel.size();
		} catch (IOException e) {
			throw new DmFormatException(file, null, "cannot read: " + org.ronchi.core.io.RonchiException.describe(e), e);
		}
		DmInput in = new DmInput(file, channel, length);
		DmHeader header = DmHeader.read(in);
		Builder b = new Builder(header);
		MetadataTree root = TagGroup.read(in, b, "", 0);
		return new TagFile(header, root, b.onDisk);
	}

	public DmHeader header() {
		return header;
	}

	/** @return the tag tree; the caller may not modify it (copy it first) */
	public MetadataTree root() {
		return root;
	}

	/** @return the array left in the file under key in this group (compared by identity), or null */
	public ArrayRef array(MetadataTree group, String key) {
		Map<String, ArrayRef> m = onDisk.get(group);
		return m == null ? null : m.get(key);
	}

	/** Collects what is read while the tree is built. */
	static final class Builder {
		private final DmHeader header;
		private final Map<MetadataTree, Map<String, ArrayRef>> onDisk = new IdentityHashMap<>();

		Builder(DmHeader header) {
			this.header = header;
		}

		DmHeader header() {
			return header;
		}

		void leftOnDisk(MetadataTree group, String key, ArrayRef ref) {
			onDisk.computeIfAbsent(group, g -> new HashMap<>()).put(key, ref);
		}
	}
}
