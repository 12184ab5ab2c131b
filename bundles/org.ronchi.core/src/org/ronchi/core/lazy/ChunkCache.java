package org.ronchi.core.lazy;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded chunks, least recently used evicted first, bounded in bytes; shared by the chunked arrays of a
 * file or kept by one. Repeated slices through the same chunks (a slider moving over the frames of one
 * chunk, a row profile through a compressed strip, a detector recomputed on the same data) then decode
 * each chunk once. Reads that touch more than a quarter of the capacity in several chunks (a full read,
 * a processing partition) take from the cache but do not fill it: they would only evict what the small
 * reads keep coming back to, and never hit their own chunks again. Thread-safe.
 */
public final class ChunkCache {
	/** One chunk of one array: arrays sharing a cache are told apart by identity. */
	private record Key(Object owner, long chunk) {
		@Override
		public boolean equals(Object o) {
			return o instanceof Key k && k.owner == owner && k.chunk == chunk;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(owner) * 31 + Long.hashCode(chunk);
		}
	}

	private final long capacity;
	private long used;
	private final LinkedHashMap<Key, byte[]> chunks = new LinkedHashMap<>(16, 0.75f, true);

	public ChunkCache(long capacityBytes) {
		this.capacity = capacityBytes;
	}

	/** @return whether a read touching chunks chunks of touchedBytes in all should put what it decodes here */
	public boolean admits(int chunks, long touchedBytes) {
		return chunks == 1 || touchedBytes <= capacity / 4;
	}

	/** @param chunk the chunk's index in its grid ({@link ChunkGrid#index}) */
	public synchronized byte[] get(Object owner, long chunk) {
		return chunks.get(new Key(owner, chunk));
	}

	/** Keeps a decoded chunk; one of more than half the capacity is not kept (it would flush all else). */
	public synchronized void put(Object owner, long chunk, byte[] data) {
		if (data.length > capacity / 2) {
			return;
		}
		byte[] old = chunks.put(new Key(owner, chunk), data);
		used += data.length - (old == null ? 0 : old.length);
		Iterator<Map.Entry<Key, byte[]>> it = chunks.entrySet().iterator();
		while (used > capacity && it.hasNext()) {
			used -= it.next().getValue().length;
			it.remove();
		}
	}
}
