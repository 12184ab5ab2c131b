package org.ronchi.io.hspy;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.hdf5.writer.DatasetOptions;

/**
 * How HyperSpy stores a signal's data. A signal has at least one dimension (numpy's {@code atleast_1d}:
 * HyperSpy turns a scalar into a 1-element vector, {@link #atLeast1d}). The chunk shape
 * ({@code get_signal_chunks}, target 1 MB, {@link #of}): whole signals in each
 * chunk when one fits, as many of them as reach the target, split evenly over the navigation axes; a
 * signal larger than the target gets one chunk per navigation position. Reading a signal (a pattern, a
 * spectrum) then decodes one chunk, as HyperSpy and Ronchi's viewers read. The NeXus writer chunks so
 * too, as HyperSpy's NeXus plugin does.
 */
public final class HyperSpyStorage {
	public static final long TARGET_BYTES = 1_000_000;

	private HyperSpyStorage() {
	}

	/**
	 * @return the signal, or for a scalar (rank 0) a view of it as a 1-element vector with one uncalibrated
	 *         signal axis, as HyperSpy holds it
	 */
	public static ArrayNode atLeast1d(ArrayNode signal) {
		if (signal.rank() > 0) {
			return signal;
		}
		ArraySource vector = Views.flatten(signal.source(), 0, 0); // an axis of size 1 inserted
		ArrayNode v = new ArrayNode(signal.name(), vector).axes(List.of(Axis.index("", 1)));
		return v.title(signal.title()).kind(signal.kind()).quantity(signal.quantity(), signal.units()).metadata(signal.metadata())
				.originalMetadata(signal.originalMetadata());
	}

	/**
	 * @return how HyperSpy stores a signal's data: chunked by {@link #of}, shuffled and deflated at h5py's
	 *         default gzip level (4); contiguous for a scalar or an empty array, which cannot be chunked
	 */
	public static DatasetOptions storage(ArrayNode signal) {
		long[] shape = signal.shape();
		if (shape.length == 0 || signal.size() == 0) {
			return DatasetOptions.contiguous();
		}
		boolean[] nav = new boolean[shape.length];
		for (int i = 0; i < nav.length; i++) {
			nav[i] = signal.axes().get(i).navigate();
		}
		return DatasetOptions.chunked(of(shape, signal.dtype().itemSize(), nav)).shuffle().deflate(4);
	}

	/**
	 * @param navigate per dimension, whether it is a navigation axis
	 * @return the chunk shape (every entry at least 1)
	 */
	public static int[] of(long[] shape, int itemSize, boolean[] navigate) {
		long bytesPerSignal = itemSize;
		List<Integer> nav = new ArrayList<>();
		long signals = 1;
		for (int i = 0; i < shape.length; i++) {
			if (navigate[i]) {
				nav.add(i);
				signals *= shape[i];
			} else {
				bytesPerSignal *= shape[i];
			}
		}
		long perChunk = TARGET_BYTES / Math.max(1, bytesPerSignal);
		int[] chunk = new int[shape.length];
		for (int i = 0; i < shape.length; i++) {
			chunk[i] = (int) Math.max(1, Math.min(Integer.MAX_VALUE, navigate[i] ? 1 : shape[i]));
		}
		if (perChunk < 2 || nav.isEmpty()) {
			return chunk;
		}
		if (perChunk > signals) {
			for (int i : nav) {
				chunk[i] = (int) Math.max(1, shape[i]);
			}
			return chunk;
		}
		// navigation axes smaller than an even share are taken whole; the rest share what remains
		List<Integer> small = new ArrayList<>();
		double smallProduct = 1;
		boolean again = true;
		int share = 1;
		while (again && small.size() < nav.size()) {
			again = false;
			share = (int) Math.floor(Math.pow(perChunk / smallProduct, 1.0 / (nav.size() - small.size())));
			for (int i : nav) {
				if (!small.contains(i) && shape[i] < share) {
					small.add(i);
					smallProduct *= shape[i];
					again = true;
				}
			}
		}
		for (int i : nav) {
			chunk[i] = (int) Math.max(1, small.contains(i) ? shape[i] : share);
		}
		return chunk;
	}
}
