package org.ronchi.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Calibration of one array dimension: a name, units, and either a linear scale/offset or an explicit
 * vector of coordinates (USID value datasets, NCEM dim vectors, non-uniform energies).
 * {@code navigate} marks HyperSpy-style navigation axes (scan positions) as opposed to signal axes.
 */
public record Axis(String name, String units, long size, double scale, double offset, double[] values, boolean navigate) {

	public Axis {
		Objects.requireNonNull(name, "name");
		units = units == null ? "" : units;
		if (size < 0) {
			throw new IllegalArgumentException("axis " + name + ": negative size " + size);
		}
		if (values != null && values.length != size) {
			throw new IllegalArgumentException("axis " + name + ": " + values.length + " values for size " + size);
		}
	}

	/** A linearly calibrated axis: coordinate(i) = offset + i * scale. */
	public static Axis linear(String name, String units, long size, double scale, double offset) {
		return new Axis(name, units, size, scale, offset, null, false);
	}

	/** An uncalibrated axis: pixel indices. */
	public static Axis index(String name, long size) {
		return new Axis(name, "", size, 1.0, 0.0, null, false);
	}

	/**
	 * An axis given by its coordinates. If they are linear (within 1e-6 of the step), it is stored as
	 * scale/offset so that consumers that need a scale get one.
	 */
	public static Axis vector(String name, String units, double[] values) {
		if (values.length >= 2 && isLinear(values)) {
			double scale = (values[values.length - 1] - values[0]) / (values.length - 1);
			return new Axis(name, units, values.length, scale, values[0], null, false);
		}
		if (values.length == 1) {
			return new Axis(name, units, 1, 1.0, values[0], null, false);
		}
		return new Axis(name, units, values.length, Double.NaN, Double.NaN, values.clone(), false);
	}

	private static boolean isLinear(double[] v) {
		double step = (v[v.length - 1] - v[0]) / (v.length - 1);
		double tol = Math.max(Math.abs(step) * 1e-6, 1e-300);
		for (int i = 1; i < v.length; i++) {
			if (Math.abs(v[i] - (v[0] + i * step)) > tol * Math.max(1, i)) {
				return false;
			}
		}
		return true;
	}

	public boolean isLinear() {
		return values == null;
	}

	public Axis withNavigate(boolean nav) {
		return new Axis(name, units, size, scale, offset, values, nav);
	}

	public Axis withName(String newName) {
		return new Axis(newName, units, size, scale, offset, values, navigate);
	}

	/** @return the calibrated coordinate of index i */
	public double coordinate(long i) {
		return values != null ? values[(int) i] : offset + i * scale;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Axis a && name.equals(a.name) && units.equals(a.units) && size == a.size
				&& Double.compare(scale, a.scale) == 0 && Double.compare(offset, a.offset) == 0
				&& Arrays.equals(values, a.values) && navigate == a.navigate;
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, units, size, scale, offset, Arrays.hashCode(values), navigate);
	}

	@Override
	public String toString() {
		return values == null ? name + "[" + size + "] " + scale + " " + units + " (offset " + offset + ")"
				: name + "[" + size + "] " + units + " (explicit values)";
	}
}
