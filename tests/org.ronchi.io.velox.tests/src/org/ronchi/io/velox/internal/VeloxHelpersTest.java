package org.ronchi.io.velox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.metadata.MetadataTree;

/** The package's small pure helpers: unit prefixes as pint picks them, labels, JSON, options, elements. */
class VeloxHelpersTest {

	/** Expected values printed by pint 0.19's {@code (v * unit).to_compact()}, as HyperSpy calls it. */
	@ParameterizedTest(name = "{0} {1} -> {3}")
	@CsvSource({ "1.35741819852585e-06, m, 1.35741819852585, µm", "4.241931870393281e-08, m, 42.41931870393281, nm",
			"8.035422859390853e-07, m, 803.5422859390852, nm", "196031658.1260627, 1/m, 196.0316581260627, 1 / µm",
			"9483313.796165815, 1/m, 9.483313796165815, 1 / µm", "0.104, s, 104.0, ms", "2e-13, m, 200, fm", "4.2, m, 4.2, m",
			"30000, m, 30.0, km", "0.0015, 1/m, 1.5, 1 / km" })
	void compactPrefixesArePints(double value, String unit, double expected, String expectedUnit) {
		// convert() picks the prefix for scale * size / 2: size 2 makes the scale the compacted value
		AxisUnits.Calibration c = AxisUnits.convert(value, 0, unit, 2, AxisUnits.Mode.COMPACT);
		assertEquals(expectedUnit, c.units());
		assertEquals(expected, c.scale(), Math.abs(expected) * 1e-12);
	}

	@Test
	void nmModeIsFixed() {
		AxisUnits.Calibration c = AxisUnits.convert(5e-9, -1e-8, "m", 4096, AxisUnits.Mode.NM);
		assertEquals("nm", c.units());
		assertEquals(5.0, c.scale(), 1e-12);
		assertEquals(-10.0, c.offset(), 1e-12);
		assertEquals("1 / nm", AxisUnits.convert(1e9, 0, "1/m", 2, AxisUnits.Mode.NM).units());
		assertEquals(1.0, AxisUnits.convert(1e9, 0, "1/m", 2, AxisUnits.Mode.NM).scale(), 1e-12);
		assertEquals("s", AxisUnits.convert(0.5, 0, "s", 2, AxisUnits.Mode.NM).units());
		assertEquals("rad", AxisUnits.convert(0.5, 0, "rad", 2, AxisUnits.Mode.NM).units(), "unknown units pass through");
	}

	@Test
	void displayLabelsArePercentDecoded() {
		assertEquals("FFT#1(HAADF)", SignalTitles.percentDecoded("FFT%231%28HAADF%29"));
		assertEquals("A+B 100%", SignalTitles.percentDecoded("A+B 100%"));
		assertEquals("µm", SignalTitles.percentDecoded("%C2%B5m"));
		assertEquals("a1b2", SignalTitles.uuidOf("\\/Data\\/Image\\/a1b2".replace("\\/", "/")));
	}

	@Test
	void jsonStaysVerbatim() {
		MetadataTree t = VeloxJson.parse("{\"a\": \"200000\", \"b\": [6, 8.5, true], \"c\": {\"d\": null, \"e\": 12345678901234}}", null, "x");
		assertEquals("200000", t.child("a"));
		assertEquals(List.of(6L, 8.5, true), t.child("b"));
		assertEquals(12345678901234L, t.at("c", "e"));
		assertNull(t.at("c", "d"));
		assertNull(VeloxJson.parse("", null, "x"));
		assertThrows(VeloxException.class, () -> VeloxJson.parse("{\"a\": ", null, "x"));
	}

	@Test
	void optionsAreRosettaSciIOs() {
		Path p = Path.of("x.emd");
		VeloxOptions d = VeloxOptions.parse(p, Map.of());
		assertEquals(new VeloxOptions(true, 0, null, true, 1, null, false, null, AxisUnits.Mode.NM), d);
		VeloxOptions o = VeloxOptions.parse(p, Map.of("sum_frames", "False", "first_frame", 2L, "last_frame", "None", "SI_dtype",
				"np.float32", "units", "compact", "lazy", true));
		assertEquals(false, o.sumFrames());
		assertEquals(2, o.firstFrame());
		assertNull(o.lastFrame());
		assertEquals(org.ronchi.core.model.DType.FLOAT32, o.siDtype());
		assertThrows(InvalidRequestException.class, () -> VeloxOptions.parse(p, Map.of("sum_frames", "maybe")));
		assertThrows(InvalidRequestException.class, () -> VeloxOptions.parse(p, Map.of("first_frame", 3, "last_frame", 3)));
		assertThrows(InvalidRequestException.class, () -> VeloxOptions.parse(p, Map.of("select_type", "everything")));
		assertThrows(InvalidRequestException.class, () -> VeloxOptions.parse(p, Map.of("units", "inch")));
	}

	@Test
	void elementsFromAtomicNumbers() {
		List<Object> rejected = new ArrayList<>();
		assertEquals(List.of("C", "O", "Ca", "Cu"), Elements.symbols(List.of(6L, "8", 20.0, 29), rejected));
		assertEquals(List.of(), rejected);
		assertEquals(List.of("H", "Og"), Elements.symbols(List.of(1, 118, 0, 119, "x", 2.5), rejected));
		assertEquals(List.of(0, 119, "x", 2.5), rejected);
		assertEquals(List.of(), Elements.symbols("", rejected));
	}
}
