package org.ronchi.io.dm.tags;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.dm.DmFormatException;

/**
 * A tag group (kind 20): two flag bytes (sorted, open), the number of tags (4 bytes in DM3, 8 in DM4),
 * then the tags. A group whose tags have no names is a tag list; its entries are keyed "0", "1", ...
 * by position, as DM's own tag browser numbers them.
 */
final class TagGroup {
	private static final int MAX_DEPTH = 128;

	private TagGroup() {
	}

	static MetadataTree read(DmInput in, TagFile.Builder file, String path, int depth) {
		String where = path.isEmpty() ? "root tag group" : "tag group " + TagEntry.quote(path);
		if (depth > MAX_DEPTH) {
			throw DmFormatException.at(in.file(), where, in.position(), "tag groups nest more than " + MAX_DEPTH + " deep");
		}
		long at = in.position();
		in.u8(where); // sorted flag
		in.u8(where); // open flag
		long count = in.count(file.header().isDm4(), where);
		if (count < 0 || count > in.remaining() / 3) {
			throw DmFormatException.at(in.file(), where, at, "claims " + count + " tags, more than the " + in.remaining()
					+ " bytes left can hold");
		}
		MetadataTree tree = new MetadataTree();
		for (long i = 0; i < count; i++) {
			TagEntry tag = TagEntry.read(in, file.header().isDm4());
			String key = tag.name().isEmpty() ? Long.toString(i) : tag.name();
			if (tree.child(key) != null) {
				key = key + "#" + i; // a repeated name would hide a value; keep both
			}
			String childPath = path.isEmpty() ? key : path + "/" + key;
			switch (tag.kind()) {
			case TagEntry.GROUP -> tree.put(key, read(in, file, childPath, depth + 1));
			case TagEntry.DATA -> {
				boolean imageData = key.equals("Data") && path.endsWith("ImageData");
				Object value = DataTag.read(in, file.header(), childPath, imageData);
				if (value instanceof ArrayRef ref) {
					file.leftOnDisk(tree, key, ref);
					value = ref.describe();
				}
				tree.put(key, value);
			}
			default -> throw DmFormatException.at(in.file(), "tag " + TagEntry.quote(childPath), tag.offset(),
					"unsupported tag kind: " + tag.kind() + " (20 = group, 21 = data)");
			}
			if (tag.size() >= 0 && in.position() != tag.contentStart() + tag.size()) {
				throw DmFormatException.at(in.file(), "tag " + TagEntry.quote(childPath), tag.offset(), "its size field says "
						+ tag.size() + " bytes but its contents take " + (in.position() - tag.contentStart()));
			}
		}
		return tree;
	}
}
