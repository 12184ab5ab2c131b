package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The global heap (File Format Specification III.E): the bytes of variable-length strings and
 * sequences, in collections ("GCOL") that attributes and datasets point into by collection address
 * and object index. Filled at close, so every item is known and collections are written once, full.
 */
final class GlobalHeap {
	/** libhdf5 always reads the first 4096 bytes of a collection, so none may be smaller. */
	private static final int MIN_COLLECTION = 4096;
	/** Start a new collection past this size; a single larger string still gets one of its own. */
	private static final int TARGET_COLLECTION = 1 << 20;
	/** Object indices are 16 bits, and index 0 is the free space. */
	private static final int MAX_OBJECTS = 65535;

	private final List<Collection> collections = new ArrayList<>();

	/** Where the strings of one value went: one 16-byte descriptor per string. */
	static final class Ids {
		private final Collection[] collection;
		private final int[] index;
		private final int[] length;

		private Ids(int n) {
			collection = new Collection[n];
			index = new int[n];
			length = new int[n];
		}

		/** Writes the descriptors: length, collection address, object index (both 0 for no object). */
		void encode(ByteBuffer out) {
			for (int i = 0; i < index.length; i++) {
				out.putInt(length[i]).putLong(collection[i] == null ? 0 : collection[i].address).putInt(index[i]);
			}
		}
	}

	/** Stores the strings (null as empty) and returns where each went. */
	Ids add(String[] strings) {
		byte[][] b = new byte[strings.length][];
		int[] lengths = new int[strings.length];
		for (int i = 0; i < strings.length; i++) {
			b[i] = (strings[i] == null ? "" : strings[i]).getBytes(StandardCharsets.UTF_8);
			lengths[i] = b[i].length;
		}
		return add(b, lengths);
	}

	/**
	 * Stores the objects and returns where each went; lengths are what the descriptors record: bytes
	 * for strings, elements for sequences. A null object gets the null descriptor (address and index
	 * 0), as libhdf5 writes for an empty sequence; jhdf reads index 0 as empty too.
	 */
	Ids add(byte[][] objects, int[] lengths) {
		Ids ids = new Ids(objects.length);
		for (int i = 0; i < objects.length; i++) {
			byte[] b = objects[i];
			if (b == null) {
				continue;
			}
			Collection c = collections.isEmpty() ? null : collections.get(collections.size() - 1);
			if (c == null || c.objects.size() >= MAX_OBJECTS || c.used + 16 + b.length > TARGET_COLLECTION) {
				c = new Collection();
				collections.add(c);
			}
			ids.collection[i] = c;
			ids.index[i] = c.add(b);
			ids.length[i] = lengths[i];
		}
		return ids;
	}

	List<? extends Block> blocks() {
		return collections;
	}

	/** One "GCOL" collection: header, objects of 16-byte header plus data padded to 8, free space. */
	static final class Collection extends Block {
		private final List<byte[]> objects = new ArrayList<>();
		private int used = 16;

		int add(byte[] data) {
			objects.add(data);
			used += 16 + align8(data.length);
			return objects.size();
		}

		@Override
		int size() {
			return Math.max(MIN_COLLECTION, used);
		}

		@Override
		void encode(ByteBuffer out) {
			out.put("GCOL".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);
			pad(out, 3);
			out.putLong(size());
			for (int i = 0; i < objects.size(); i++) {
				byte[] b = objects.get(i);
				out.putShort((short) (i + 1)).putShort((short) 0); // index, reference count
				pad(out, 4);
				out.putLong(b.length).put(b);
				pad(out, align8(b.length) - b.length);
			}
			int free = size() - used;
			if (free >= 16) {
				// object 0 is the free space; its size counts its own header
				out.putShort((short) 0).putShort((short) 0);
				pad(out, 4);
				out.putLong(free);
				pad(out, free - 16);
			} else {
				pad(out, free); // libhdf5 treats a tail too small for a header as free space
			}
		}
	}
}
