package org.ronchi.processing;

import java.util.Arrays;
import java.util.List;

import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;

/**
 * A result buffer an operation declares in {@link Operation#prepare}: its name, kind, element type,
 * shape, calibration and how partial results combine. Immutable; built with the static factories and
 * the {@code with...}-style methods, e.g.
 * {@code BufferSpec.nav("bf", DType.FLOAT32).units("counts").title("virtual bright field")}.
 *
 * @param shape NAV: the shape per position (empty for one value); SIG: null for the input's frame
 *              shape; SINGLE and RESULT: the whole shape
 * @param axes calibration of the dimensions {@code shape} describes; null for pixel axes (SIG: null
 *             means the input's signal axes). NAV outputs get the navigation axes in front.
 * @param fill the initial value of every element (SUM: 0, MAX: -inf, MIN: +inf unless set)
 * @param written false for a private buffer: merged and seen by {@link Kernel#finish} but not stored
 * @param arrayKind the ArrayNode kind of the stored result ("image", "diffraction", ...)
 * @param records POINTS: the fields of each record; null for the other kinds
 * @param passes the passes of a multi-pass run ({@link Setup#passes}) whose partitions fill this buffer,
 *               ascending; null for every pass. RESULT buffers belong to no pass: they are filled in
 *               {@link Kernel#finish} and keep their values from one pass to the next
 */
public record BufferSpec(String name, Kind kind, DType dtype, int[] shape, List<Axis> axes, String units, String quantity,
		String title, Merge merge, double fill, boolean written, String arrayKind, RecordType records, int[] passes) {

	/** Where a buffer lives and how it is assembled. */
	public enum Kind {
		/**
		 * One value (or block of values) per navigation position; each partition fills its own positions
		 * and the engine places them: no merge.
		 */
		NAV,
		/** One frame-shaped array for the whole run: each partition fills its own copy, then they are merged. */
		SIG,
		/** Any small fixed shape for the whole run, merged like SIG. */
		SINGLE,
		/** Computed only in {@link Kernel#finish} from the others. */
		RESULT,
		/**
		 * A variable-length list of records per navigation position (Bragg peaks: qx, qy, intensity): each
		 * partition adds records for its positions ({@link PointBuffer#add}), the engine places them like
		 * NAV values; no merge. Stored as the record counts over the navigation grid, carrying the records
		 * ({@link org.ronchi.core.model.ArrayNode#pointLists()}); EMD 1.0 writes a PointListArray.
		 */
		POINTS
	}

	/** How the engine merges partition copies of SIG and SINGLE buffers when the kernel does not override merge. */
	public enum Merge {
		SUM, MAX, MIN,
		/** The kernel's {@link Kernel#merge} handles this buffer. */
		CUSTOM
	}

	public BufferSpec {
		shape = shape == null ? null : shape.clone();
		axes = axes == null ? null : List.copyOf(axes);
		units = units == null ? "" : units;
		quantity = quantity == null ? "" : quantity;
		title = title == null ? name : title;
		arrayKind = arrayKind == null ? "array" : arrayKind;
		if (!name.matches("[A-Za-z0-9_.]+")) {
			throw new IllegalArgumentException("buffer name '" + name + "': use letters, digits, '_' and '.'");
		}
		if (axes != null && shape != null && axes.size() != shape.length) {
			throw new IllegalArgumentException("buffer " + name + ": " + axes.size() + " axes for shape " + Arrays.toString(shape));
		}
		passes = passes == null ? null : passes.clone();
		if (passes != null) {
			for (int i = 0; i < passes.length; i++) {
				if (passes[i] < 0 || i > 0 && passes[i] <= passes[i - 1]) {
					throw new IllegalArgumentException("buffer " + name + ": passes " + Arrays.toString(passes) + " must be ascending and not negative");
				}
			}
		}
		if ((kind == Kind.POINTS) != (records != null)) {
			throw new IllegalArgumentException("buffer " + name + ": records go with POINTS buffers, and only with them");
		}
	}

	/** A value per navigation position. */
	public static BufferSpec nav(String name, DType dtype) {
		return new BufferSpec(name, Kind.NAV, dtype, new int[0], null, "", "", null, Merge.SUM, 0, true, "image", null, null);
	}

	/** A frame-shaped buffer merged over all positions, summed unless another merge is set. */
	public static BufferSpec sig(String name, DType dtype) {
		return new BufferSpec(name, Kind.SIG, dtype, null, null, "", "", null, Merge.SUM, 0, true, "diffraction", null, null);
	}

	public static BufferSpec single(String name, DType dtype, int... shape) {
		return new BufferSpec(name, Kind.SINGLE, dtype, shape, null, "", "", null, Merge.SUM, 0, true, "array", null, null);
	}

	public static BufferSpec result(String name, DType dtype, int... shape) {
		return new BufferSpec(name, Kind.RESULT, dtype, shape, null, "", "", null, Merge.CUSTOM, 0, true, "array", null, null);
	}

	/**
	 * A list of records per navigation position, e.g.
	 * {@code BufferSpec.points("peaks", Field.of("qx", DType.FLOAT32), Field.of("qy", DType.FLOAT32), Field.of("intensity", DType.FLOAT32))}.
	 * Its stored array is the number of records per position (int64).
	 */
	public static BufferSpec points(String name, RecordType.Field... fields) {
		return new BufferSpec(name, Kind.POINTS, DType.INT64, new int[0], null, "", "", null, Merge.CUSTOM, 0, true, PointListSource.KIND,
				RecordType.of(fields), null);
	}

	/** @return this NAV buffer with a block of values per position, e.g. a whole (processed) frame */
	public BufferSpec perPosition(int[] blockShape, List<Axis> blockAxes) {
		return new BufferSpec(name, kind, dtype, blockShape, blockAxes, units, quantity, title, merge, fill, written, arrayKind, records, passes);
	}

	/** @return this buffer with a shape (SIG: other than the input frame's) and its axes (null: pixels) */
	public BufferSpec shape(int[] newShape, List<Axis> newAxes) {
		return new BufferSpec(name, kind, dtype, newShape, newAxes, units, quantity, title, merge, fill, written, arrayKind, records, passes);
	}

	public BufferSpec units(String u) {
		return new BufferSpec(name, kind, dtype, shape, axes, u, quantity, title, merge, fill, written, arrayKind, records, passes);
	}

	public BufferSpec quantity(String q, String u) {
		return new BufferSpec(name, kind, dtype, shape, axes, u, q, title, merge, fill, written, arrayKind, records, passes);
	}

	public BufferSpec title(String t) {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, t, merge, fill, written, arrayKind, records, passes);
	}

	public BufferSpec arrayKind(String k) {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, merge, fill, written, k, records, passes);
	}

	/** @return this buffer merged by m; MAX and MIN start from -inf and +inf */
	public BufferSpec merge(Merge m) {
		double f = m == Merge.MAX ? Double.NEGATIVE_INFINITY : m == Merge.MIN ? Double.POSITIVE_INFINITY : fill;
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, m, f, written, arrayKind, records, passes);
	}

	public BufferSpec fill(double value) {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, merge, value, written, arrayKind, records, passes);
	}

	/** @return this buffer kept out of the results file (scratch the kernel needs in finish) */
	public BufferSpec hidden() {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, merge, fill, false, arrayKind, records, passes);
	}

	/**
	 * @return this buffer filled only in the given passes of a multi-pass run ({@link Setup#passes}):
	 *         only their partitions get a copy of it (and write NAV blocks or point lists into it); in
	 *         the other passes it keeps what the last pass that filled it left
	 */
	public BufferSpec inPasses(int... p) {
		if (kind == Kind.RESULT) {
			throw new IllegalArgumentException("buffer " + name + ": RESULT buffers are filled in finish, not by a pass's partitions");
		}
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, merge, fill, written, arrayKind, records, p.clone());
	}

	/** @return whether the partitions of this pass fill the buffer (RESULT buffers: never) */
	public boolean filledIn(int pass) {
		if (kind == Kind.RESULT) {
			return false;
		}
		if (passes == null) {
			return true;
		}
		for (int p : passes) {
			if (p == pass) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int[] passes() {
		return passes == null ? null : passes.clone();
	}

	@Override
	public int[] shape() {
		return shape == null ? null : shape.clone();
	}
}
