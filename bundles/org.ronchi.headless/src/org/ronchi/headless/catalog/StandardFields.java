package org.ronchi.headless.catalog;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.metadata.Units;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;

/**
 * The fixed fields a facility catalogue asks for, per signal: the standard metadata keys it needs
 * (docs/metadata.md), each number in the schema's unit, and the pixel size, which is no metadata key but
 * the calibration of the signal's length axes. The CSV columns are these fields; docs/catalog.schema.json
 * describes them as the record's {@code summary}.
 */
public final class StandardFields {

	/** A summary field taken from a standard key: text, or a number in {@code unit}. */
	public record Field(String name, String key, String unit) {
		public boolean numeric() {
			return unit != null;
		}
	}

	/** In record and column order; {@code pixel_size} follows {@code camera_length}. */
	public static final List<Field> FIELDS = List.of(new Field("date_time", "general.date_time", null),
			new Field("operator", "general.authors", null), new Field("instrument", "acquisition.instrument.microscope", null),
			new Field("manufacturer", "acquisition.instrument.manufacturer", null),
			new Field("acquisition_mode", "acquisition.instrument.acquisition_mode", null),
			new Field("beam_energy", "acquisition.instrument.beam_energy", "kV"),
			new Field("magnification", "acquisition.instrument.magnification", ""),
			new Field("camera_length", "acquisition.instrument.camera_length", "mm"),
			new Field("detector", "acquisition.detector.name", null),
			new Field("dwell_time", "acquisition.instrument.dwell_time", "s"),
			new Field("exposure_time", "acquisition.instrument.exposure_time", "s"),
			new Field("signal_type", "signal.type", null));

	/** The unit every pixel size is given in, whatever the axes use. */
	public static final String PIXEL_UNIT = "nm";

	/** The field {@code pixel_size} follows, in records and columns. */
	public static final String PIXEL_AFTER = "camera_length";

	private StandardFields() {
	}

	/**
	 * @param fileLevel the file's standard metadata, consulted where the signal's has no value
	 * @return the fields present, as {@code {"name": text}} or {@code {"name": {"value", "units"}}}
	 */
	public static JsonObject of(ArrayNode signal, MetadataTree fileLevel) {
		JsonObject o = new JsonObject();
		for (Field f : FIELDS) {
			Object v = signal.metadata().get(f.key());
			if (v == null) {
				v = fileLevel.get(f.key());
			}
			if (f.numeric()) {
				Double d = inUnit(v, f.unit());
				if (d != null) {
					o.add(f.name(), quantity(d, f.unit()));
				}
			} else if (v instanceof String s && !s.isBlank()) {
				o.addProperty(f.name(), s.strip());
			} else if (v != null && !(v instanceof MetadataTree)) {
				o.addProperty(f.name(), String.valueOf(v));
			}
			if (f.name().equals(PIXEL_AFTER)) {
				JsonObject px = pixelSize(signal.axes());
				if (px != null) {
					o.add("pixel_size", px);
				}
			}
		}
		return o;
	}

	/**
	 * The file's summary: each field from the first signal that has it, in field order (the vendor lists its
	 * main signal first).
	 */
	public static JsonObject ofFile(List<JsonObject> signalSummaries) {
		JsonObject o = new JsonObject();
		for (Field f : FIELDS) {
			first(signalSummaries, f.name(), o);
			if (f.name().equals(PIXEL_AFTER)) {
				first(signalSummaries, "pixel_size", o);
			}
		}
		return o;
	}

	private static void first(List<JsonObject> summaries, String name, JsonObject into) {
		for (JsonObject s : summaries) {
			if (s.has(name)) {
				into.add(name, s.get(name));
				return;
			}
		}
	}

	/** @return a number in the unit, converted from the quantity's own; null for text or another kind */
	private static Double inUnit(Object v, String unit) {
		if (v instanceof Quantity q) {
			Double f = Units.factor(q.unit(), unit);
			return f == null || !Double.isFinite(q.value()) ? null : q.value() * f;
		}
		if (v instanceof Number n && unit.isEmpty() && Double.isFinite(n.doubleValue())) {
			return n.doubleValue(); // a dimensionless value stored bare
		}
		return null;
	}

	/**
	 * The step of the linear axes calibrated in a length: of the signal axes if an image has them, else of
	 * the navigation axes (a spectrum image's or a 4D-STEM scan's step). {@code x} is the last such axis in
	 * HyperSpy order (columns), {@code y} the one before it.
	 *
	 * @return {@code {"x": {value, units}, "y": ...}} in nm, or null when no axis is a length
	 */
	static JsonObject pixelSize(List<Axis> axes) {
		List<Double> signal = new ArrayList<>();
		List<Double> navigation = new ArrayList<>();
		for (Axis a : axes) {
			Double f = a.isLinear() ? Units.factor(a.units(), PIXEL_UNIT) : null;
			if (f != null && !a.units().isBlank() && Double.isFinite(a.scale())) {
				(a.navigate() ? navigation : signal).add(Math.abs(a.scale()) * f);
			}
		}
		List<Double> lengths = signal.isEmpty() ? navigation : signal;
		if (lengths.isEmpty()) {
			return null;
		}
		JsonObject o = new JsonObject();
		o.add("x", quantity(lengths.get(lengths.size() - 1), PIXEL_UNIT));
		if (lengths.size() > 1) {
			o.add("y", quantity(lengths.get(lengths.size() - 2), PIXEL_UNIT));
		}
		return o;
	}

	private static JsonObject quantity(double value, String unit) {
		JsonObject q = new JsonObject();
		q.addProperty("value", value);
		q.addProperty("units", unit);
		return q;
	}
}
