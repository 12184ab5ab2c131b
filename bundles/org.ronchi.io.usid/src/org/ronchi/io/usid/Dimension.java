package org.ronchi.io.usid;

import java.util.Arrays;
import java.util.Objects;

/**
 * One position or spectroscopic dimension as pyUSID's {@code Dimension(name, units, values)} describes
 * it: a name, units ("" for dimensionless) and the values it takes, in acquisition order. Lists of
 * dimensions are always given fastest-varying first (pyUSID DM-20).
 */
public record Dimension(String name, String units, double[] values) {

	public Dimension {
		if (name == null || name.isBlank()) {
			throw new UsidException(null, "Dimension", "name must be a non-empty string");
		}
		units = units == null ? "" : units;
		if (values == null || values.length == 0) {
			throw new UsidException(null, "Dimension '" + name + "'", "must have at least one value (size 0)");
		}
		values = values.clone();
	}

	/** A dimension of {@code size} steps with values 0, 1, ..., size - 1 (pyUSID's int form). */
	public static Dimension of(String name, String units, int size) {
		if (size < 1) {
			throw new UsidException(null, "Dimension '" + name + "'", "size must be at least 1, got " + size);
		}
		double[] v = new double[size];
		Arrays.setAll(v, i -> i);
		return new Dimension(name, units, v);
	}

	public int size() {
		return values.length;
	}

	@Override
	public double[] values() {
		return values.clone();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Dimension d && name.equals(d.name) && units.equals(d.units) && Arrays.equals(values, d.values);
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, units, Arrays.hashCode(values));
	}

	/** pyUSID's repr: {@code name (units) : values}. */
	@Override
	public String toString() {
		return name + " (" + units + ") : " + Arrays.toString(values);
	}
}
