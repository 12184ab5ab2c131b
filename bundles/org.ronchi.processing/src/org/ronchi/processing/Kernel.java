package org.ronchi.processing;

/**
 * The computation of one run, built by {@link Operation#prepare} with everything it needs (masks,
 * geometry). Its fields are shared by all worker threads and must be read-only after prepare; anything
 * a hook writes goes into the {@link BufferSet} it is handed. A kernel never opens files, starts
 * threads or reports progress: the engine does.
 * <p>
 * Implement {@link #processFrame} or {@link #processTile}; override {@link #merge} only for buffers
 * declared {@link BufferSpec.Merge#CUSTOM}; override {@link #finish} for results that need everything.
 */
public interface Kernel {

	/**
	 * Maps one frame. <b>Runs on</b> a worker thread, concurrently with other partitions.
	 * <b>Sees</b> the frame (its reused arrays valid during this call only) and this partition's
	 * buffers: NAV buffers hold only this partition's positions ({@code frame.index() * perPosition}
	 * is the frame's slot unless the operation bins), POINTS buffers ({@link BufferSet#points}) take
	 * records for this partition's positions, SIG and SINGLE buffers are the current grain's own copies
	 * (a grain: a fixed block of consecutive frames within the partition), filled with their fill value.
	 * Frames of a grain come in a fixed order whatever the tile size.
	 */
	default void processFrame(Frame frame, BufferSet out) {
		throw new UnsupportedOperationException(getClass().getName() + " implements neither processFrame nor processTile");
	}

	/**
	 * Maps a tile of consecutive frames of one partition (one storage-aligned read). <b>Runs on</b> a
	 * worker thread. Default: {@link #processFrame} for each frame. Override to work across frames.
	 */
	default void processTile(Tile tile, BufferSet out) {
		for (int i = 0; i < tile.count(); i++) {
			processFrame(tile.frame(i), out);
		}
	}

	/**
	 * Merges the SIG and SINGLE buffers of a run of frames into those of the run of frames just before
	 * it. The engine fills these buffers per grain (a fixed block of frames) and merges grains pairwise in
	 * a fixed tree, so results are bit-identical whatever the thread count, partitioning or memory budget;
	 * last, the root is merged into the run's buffers (filled with their fill values). <b>Runs on</b> a
	 * worker (within its partition) or the thread that called the engine. <b>Sees</b> the two sets of
	 * SIG/SINGLE buffers, earlier frames in {@code merged}. Must not depend on how many frames each side
	 * holds beyond what the buffers say. Default: each buffer's merge rule.
	 */
	default void merge(BufferSet merged, BufferSet partition) {
		merged.mergeByRule(partition);
	}

	/**
	 * Completes the results once every partition is merged: normalises SIG buffers, computes RESULT
	 * buffers. <b>Runs on</b> the thread that called the engine, once (in a multi-pass run once per pass,
	 * on that pass's kernel, before the next pass is built). <b>Sees</b> every buffer: merged
	 * SIG/SINGLE, NAV buffers loaded whole on first request, POINTS buffers as lists read on request,
	 * RESULT buffers allocated and filled.
	 * Skipped when an existing result is reused.
	 */
	default void finish(Results results) {
	}
}
