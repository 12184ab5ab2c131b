package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The link message (type 0x0006, File Format Specification IV.A.2.g), version 1: one link of a
 * new-style group, either a hard link (type 0) to an object header of this file or an external link
 * (type 64) to an object path in another file. The name length field is 1, 2 or 4 bytes as the name
 * needs; the character set is written only for non-ASCII names, as libhdf5 does.
 */
final class LinkMessage implements HeaderMessage {
	/** Link type of an external link; hard links (type 0) omit the field. */
	private static final int EXTERNAL = 64;

	private final byte[] name;
	private final boolean ascii;
	private final WNode target;
	private final byte[] file;
	private final byte[] objectPath;

	private LinkMessage(String name, WNode target, String file, String objectPath) {
		this.name = name.getBytes(StandardCharsets.UTF_8);
		this.ascii = this.name.length == name.length();
		this.target = target;
		this.file = file == null ? null : file.getBytes(StandardCharsets.UTF_8);
		this.objectPath = objectPath == null ? null : objectPath.getBytes(StandardCharsets.UTF_8);
	}

	static LinkMessage hard(String name, WNode target) {
		return new LinkMessage(name, target, null, null);
	}

	static LinkMessage external(String name, String file, String objectPath) {
		return new LinkMessage(name, null, file, objectPath);
	}

	/**
	 * @return the links of a group sorted by UTF-8 name, the order of an old-style group: libhdf5 sorts
	 *         anyway, but jhdf lists links in stored order and Ronchi should not see the order change
	 *         when a group gains an external link
	 */
	static List<LinkMessage> inNameOrder(List<Map.Entry<String, WNode>> links, List<WGroup.External> externals) {
		List<LinkMessage> all = new ArrayList<>();
		links.forEach(l -> all.add(hard(l.getKey(), l.getValue())));
		externals.forEach(e -> all.add(external(e.name(), e.file(), e.objectPath())));
		all.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
		return all;
	}

	/** @return the body size of an external link message, to check it fits a version 1 object header */
	static int externalSize(String name, String file, String objectPath) {
		return external(name, file, objectPath).size();
	}

	@Override
	public int type() {
		return 0x0006;
	}

	private int lengthSize() {
		if (name.length < 0x100) {
			return 1;
		}
		return name.length < 0x10000 ? 2 : 4;
	}

	/** @return the external link's value: a version/flags byte, then file and path, each NUL-terminated */
	private int externalSize() {
		return 1 + file.length + 1 + objectPath.length + 1;
	}

	@Override
	public int size() {
		int n = 2 + (target == null ? 1 : 0) + (ascii ? 0 : 1) + lengthSize() + name.length;
		return n + (target == null ? 2 + externalSize() : 8);
	}

	@Override
	public void encode(ByteBuffer out) {
		int ls = lengthSize();
		int flags = (ls == 1 ? 0 : ls == 2 ? 1 : 2) | (target == null ? 0x08 : 0) | (ascii ? 0 : 0x10);
		out.put((byte) 1).put((byte) flags);
		if (target == null) {
			out.put((byte) EXTERNAL);
		}
		if (!ascii) {
			out.put((byte) 1); // UTF-8
		}
		if (ls == 1) {
			out.put((byte) name.length);
		} else if (ls == 2) {
			out.putShort((short) name.length);
		} else {
			out.putInt(name.length);
		}
		out.put(name);
		if (target == null) {
			out.putShort((short) externalSize());
			out.put((byte) 0).put(file).put((byte) 0).put(objectPath).put((byte) 0);
		} else {
			out.putLong(target.headerAddress());
		}
	}
}
