package org.ronchi.processing;

import java.util.Arrays;
import java.util.List;

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
 */
public record BufferSpec(String name, Kind kind, DType dtype, int[] shape, List<Axis> axes, String units, String quantity,
		String title, Merge merge, double fill, boolean written, String arrayKind) {

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
		RESULT
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
	}

	/** A value per navigation position. */
	public static BufferSpec nav(String name, DType dtype) {
		return new BufferSpec(name, Kind.NAV, dtype, new int[0], null, "", "", null, Merge.SUM, 0, true, "image");
	}

	/** A frame-shaped buffer merged over all positions, summed unless another merge is set. */
	public static BufferSpec sig(String name, DType dtype) {
		return new BufferSpec(name, Kind.SIG, dtype, null, null, "", "", null, Merge.SUM, 0, true, "diffraction");
	}

	public static BufferSpec single(String name, DType dtype, int... shape) {
		return new BufferSpec(name, Kind.SINGLE, dtype, shape, null, "", "", null, Merge.SUM, 0, true, "array");
	}

	public static BufferSpec result(String name, DType dtype, int... shape) {
		return new BufferSpec(name, Kind.RESULT, dtype, shape, null, "", "", null, Merge.CUSTOM, 0, true, "array");
	}

	/** @return this NAV buffer with a block of values per position, e.g. a whole (processed) frame */
	public BufferSpec perPosition(int[] blockShape, List<Axis> blockAxes) {
		return new BufferSpec(name, kind, dtype, blockShape, blockAxes, units, quantity, title, merge, fill, written, arrayKind);
	}

	/** @return this buffer with a shape (SIG: other than the input frame's) and its axes (null: pixels) */
	public BufferSpec shape(int[] newShape, List<Axis> newAxes) {
		return new BufferSpec(name, kind, dtype, newShape, newAxes, units, quantity, title, merge, fill, written, arrayKind);
	}

	public BufferSpec units(String u) {
		return new BufferSpec(name, kind, dtype, shape, axes, u, quantity, title, merge, fill, written, arrayKind);
	}

	public BufferSpec quantity(String q, String u) {
		return new BufferSpec(name, kind, dtype, shape, axes, u, q, title, merge, fill, written, arrayKind);
	}

	public BufferSpec title(String t) {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, t, merge, fill, written, arrayKind);
	}

	public BufferSpec arrayKind(String k) {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, merge, fill, written, k);
	}

	/** @return this buffer merged by m; MAX and MIN start from -inf and +inf */
	public BufferSpec merge(Merge m) {
		double f = m == Merge.MAX ? Double.NEGATIVE_INFINITY : m == Merge.MIN ? Double.POSITIVE_INFINITY : fill;
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, m, f, written, arrayKind);
	}

	public BufferSpec fill(double value) {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, merge, value, written, arrayKind);
	}

	/** @return this buffer kept out of the results file (scratch the kernel needs in finish) */
	public BufferSpec hidden() {
		return new BufferSpec(name, kind, dtype, shape, axes, units, quantity, title, merge, fill, false, arrayKind);
	}

	@Override
	public int[] shape() {
		return shape == null ? null : shape.clone();
	}
}
