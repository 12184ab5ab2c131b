package org.ronchi.core.metadata;

/** A number with its unit, as every standard metadata value carries one ("" for dimensionless). */
public record Quantity(double value, String unit) {
	public Quantity {
		unit = unit == null ? "" : unit;
	}

	@Override
	public String toString() {
		return unit.isEmpty() ? Double.toString(value) : value + " " + unit;
	}
}
