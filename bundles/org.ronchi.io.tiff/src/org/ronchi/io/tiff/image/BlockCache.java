package org.ronchi.io.tiff.image;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently decoded strips and tiles, least recently used evicted first, bounded in bytes. Slicing row by row
 * through a compressed image would otherwise decode each strip once per row. One cache per open file.
 */
public final class BlockCache {
	/** A decoded block of one page. */
	record Key(PageLayout page, int block) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && k.page == page && k.block == block;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(page) * 31 + block;
		}
	}

	private final long capacity;
	private long used;
	private final LinkedHashMap<Key, byte[]> blocks = new LinkedHashMap<>(16, 0.75f, true);

	BlockCache(long capacityBytes) {
		this.capacity = capacityBytes;
	}

	synchronized byte[] get(Key key) {
		return blocks.get(key);
	}

	synchronized void put(Key key, byte[] data) {
		if (data.length > capacity / 2) {
			return; // one huge block would flush everything else for little gain
		}
		byte[] old = blocks.put(key, data);
		used += data.length - (old == null ? 0 : old.length);
		Iterator<Map.Entry<Key, byte[]>> it = blocks.entrySet().iterator();
		while (used > capacity && it.hasNext()) {
			used -= it.next().getValue().length;
			it.remove();
		}
	}
}
