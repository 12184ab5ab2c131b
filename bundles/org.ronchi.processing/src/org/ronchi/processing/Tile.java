package org.ronchi.processing;

import java.nio.ByteBuffer;

/**
 * A run of frames of one partition that the engine read in one go (aligned with storage chunks), as
 * {@link Kernel#processTile} sees it. Frames {@code first() .. first()+count()-1} of the partition grid.
 */
public interface Tile {

	Partition partition();

	/** @return the partition-grid index of the tile's first frame */
	int first();

	/** @return frames in the tile */
	int count();

	/** @return the i-th frame of the tile, 0 &lt;= i &lt; count (a view reused by the worker thread) */
	Frame frame(int i);

	/** @return the raw bytes read, little-endian; frame i starts at {@link #offset(int)} */
	ByteBuffer raw();

	/** @return the byte offset of frame i in {@link #raw()} */
	int offset(int i);
}
