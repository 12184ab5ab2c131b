package org.ronchi.ui.slice;

import java.util.Arrays;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;

/**
 * Reads what a {@link SliceSpec} shows, lazily: one positional read of the plane or the line through
 * the array's {@link org.ronchi.core.lazy.ArraySource}, never more. Runs on background threads only.
 */
public final class Slicer {
	private Slicer() {
	}

	/**
	 * @param budgetBytes the most one plane may take in memory (the user's memory budget)
	 * @return the image plane as rows (Y) x columns (X), contiguous, of the dtype's in-memory class
	 * @throws InvalidRequestException if the plane is larger than the budget
	 * @throws org.ronchi.core.io.RonchiException if the read fails
	 */
	public static Dataset image(SliceSpec s, long budgetBytes) {
		ArrayNode node = s.node();
		long[] shape = node.shape();
		int nx = Math.toIntExact(shape[s.xDim()]);
		int ny = Math.toIntExact(shape[s.yDim()]);
		check(node, (long) nx * ny, budgetBytes);
		long[] start = s.position();
		int[] count = new int[shape.length];
		Arrays.fill(count, 1);
		start[s.xDim()] = 0;
		start[s.yDim()] = 0;
		count[s.xDim()] = nx;
		count[s.yDim()] = ny;
		Dataset box = node.source().read(start, count);
		Dataset plane = s.yDim() < s.xDim() ? box.reshape(ny, nx) : box.reshape(nx, ny).transpose(1, 0);
		return Buffers.contiguous(node.dtype(), plane);
	}

	/** @return the values along dim through position, as a 1-D dataset of the dtype's in-memory class */
	public static Dataset line(ArrayNode node, int dim, long[] position, long budgetBytes) {
		long[] shape = node.shape();
		int n = Math.toIntExact(shape[dim]);
		check(node, n, budgetBytes);
		long[] start = position.clone();
		int[] count = new int[shape.length];
		Arrays.fill(count, 1);
		start[dim] = 0;
		count[dim] = n;
		return Buffers.contiguous(node.dtype(), node.source().read(start, count).reshape(n));
	}

	private static void check(ArrayNode node, long elements, long budgetBytes) {
		DType t = node.dtype();
		if (!t.isNumeric()) {
			throw new InvalidRequestException(null, node.path(), t.numpyName() + " data cannot be shown as numbers");
		}
		long bytes = elements * Math.max(1, t.itemSize());
		if (bytes > budgetBytes) {
			throw new InvalidRequestException(null, node.path(), "this slice needs " + mib(bytes) + " MiB, more than the memory budget of "
					+ mib(budgetBytes) + " MiB (Preferences \u203a Ronchi); choose smaller axes for X and Y");
		}
	}

	private static long mib(long bytes) {
		return (bytes + (1 << 20) - 1) >> 20;
	}

	/** @return the number of elements of the whole array, for messages */
	public static long size(ArrayNode node) {
		return Shapes.size(node.shape());
	}
}
