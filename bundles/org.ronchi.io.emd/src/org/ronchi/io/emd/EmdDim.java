package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;

/**
 * A dim vector of an EMD array (EMD 1.0 {@code dim0..dim{N-1}}, NCEM {@code dim1..dimN}): a name, units
 * and coordinates. Writers store linear dims as their first two values (emdfile) or in full (NCEM),
 * and one-step dims as one value or a scalar; {@link #axis(long)} turns each into the calibrated axis
 * of a dimension of the given size. Text dims (stack labels, NCEM string dims) keep their labels.
 */
public record EmdDim(String name, String units, double[] values, String[] labels, String rawUnits) {

	/** A dim whose units are written as they read. */
	public EmdDim(String name, String units, double[] values, String[] labels) {
		this(name, units, values, labels, units);
	}
	/** dim vectors above this many elements are refused: no real dimension is that long. */
	static final long MAX_LENGTH = 1L << 26;

	/**
	 * Reads a dim dataset and its {@code name}/{@code units} attributes (text or byte strings).
	 *
	 * @param units how this flavour spells units ({@link EmdUnits#ncem} or {@link EmdUnits#emd1})
	 */
	public static EmdDim read(Path file, ArrayNode dim, UnaryOperator<String> units) {
		long[] shape = dim.shape();
		if (shape.length > 1) {
			throw new EmdException(file, dim.path(), "a dim vector is 1-D, this one has shape " + Arrays.toString(shape));
		}
		long n = shape.length == 0 ? 1 : shape[0];
		if (n > MAX_LENGTH) {
			throw new EmdException(file, dim.path(), "dim vector of " + n + " values is too long to be real");
		}
		String name = dim.stringAttribute("name");
		String raw = dim.stringAttribute("units");
		String u = units.apply(raw);
		Dataset d = dim.source().read(new long[shape.length], shape.length == 0 ? new int[0] : new int[] { (int) n });
		if (dim.dtype() == DType.STRING) {
			String[] l = new String[(int) n];
			for (int i = 0; i < n; i++) {
				l[i] = d.getStringAbs(i);
			}
			return new EmdDim(name == null ? "" : name, u, null, l, raw == null ? "" : raw);
		}
		if (!dim.dtype().isNumeric() || dim.dtype().isComplex()) {
			throw new EmdException(file, dim.path(), "a dim vector holds numbers or text, not " + dim.dtype().numpyName());
		}
		double[] v = new double[(int) n];
		for (int i = 0; i < n; i++) {
			v[i] = d.getElementDoubleAbs(i);
		}
		return new EmdDim(name == null ? "" : name, u, v, null, raw == null ? "" : raw);
	}

	/** A linear dim as emdfile stores it: first two coordinates. */
	public static EmdDim linear(String name, String units, double offset, double scale) {
		return new EmdDim(name, units, new double[] { offset, offset + scale }, null);
	}

	public boolean isText() {
		return labels != null;
	}

	/**
	 * @return the axis of a dimension of {@code size} steps: all coordinates given, linear ones as
	 *         scale/offset; two given (emdfile's compressed linear dim), their step; one given, that
	 *         offset with step 1; text or a count that fits none of these, pixel indices
	 */
	public Axis axis(long size) {
		if (values == null || values.length == 0) {
			return Axis.index(name, size);
		}
		if (values.length == size && size > 2 && !nearlyLinear(values)) {
			return Axis.vector(name, units, values);
		}
		if (values.length == 1) {
			return Axis.linear(name, units, size, 1.0, values[0]);
		}
		double step = (values[values.length - 1] - values[0]) / (values.length - 1);
		return Axis.linear(name, units, size, step, values[0]);
	}

	/**
	 * Linear within 1e-5 of the coordinate range: dims are often float32 (Prismatic), whose rounding
	 * of 0.0005 + i x 0.001 strays further from the line than {@link Axis#vector}'s 1e-6 of a step.
	 */
	static boolean nearlyLinear(double[] v) {
		int n = v.length;
		double step = (v[n - 1] - v[0]) / (n - 1);
		double tol = 1e-5 * Math.max(Math.abs(v[n - 1] - v[0]), Math.max(Math.abs(v[0]), Math.abs(v[n - 1])));
		for (int i = 1; i < n - 1; i++) {
			if (Math.abs(v[i] - (v[0] + i * step)) > tol) {
				return false;
			}
		}
		return step != 0 || tol == 0;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof EmdDim d && name.equals(d.name) && units.equals(d.units) && Arrays.equals(values, d.values)
				&& Arrays.equals(labels, d.labels);
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return name + " [" + units + "] " + (labels != null ? Arrays.toString(labels) : Arrays.toString(values));
	}
}
