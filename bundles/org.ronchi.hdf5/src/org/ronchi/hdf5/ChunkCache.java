package org.ronchi.hdf5;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded chunks of one dataset, least recently used evicted first, bounded in bytes. Repeated slices
 * through the same chunks (a slider moving over frames of one chunk, a detector recomputed on the same
 * data) then decode each chunk once. Reads that touch more than a quarter of the capacity (a full read,
 * a processing partition) take from the cache but do not fill it: they would only evict what the small
 * reads keep coming back to, and never hit their own chunks again.
 */
final class ChunkCache {
	private final long capacityBytes;
	private long bytes;
	private final LinkedHashMap<Long, byte[]> map = new LinkedHashMap<>(16, 0.75f, true);

	ChunkCache(long capacityBytes) {
		this.capacityBytes = capacityBytes;
	}

	/** @return whether a read touching this many bytes of chunks should put what it decodes here */
	boolean admits(long touchedBytes) {
		return touchedBytes <= capacityBytes / 4;
	}

	/** @param key the chunk's index in the dataset's chunk grid, C order */
	synchronized byte[] get(long key) {
		return map.get(key);
	}

	synchronized void put(long key, byte[] chunk) {
		if (chunk.length > capacityBytes) {
			return;
		}
		byte[] old = map.put(key, chunk);
		if (old != null) {
			bytes -= old.length;
		}
		bytes += chunk.length;
		var it = map.entrySet().iterator();
		while (bytes > capacityBytes && it.hasNext()) {
			Map.Entry<Long, byte[]> e = it.next();
			bytes -= e.getValue().length;
			it.remove();
		}
	}
}
