package org.ronchi.processing.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The truth check of issue 13: known crystal, known probe, known strain. */
class StrainDemoTest {

	@Test
	void demoMeetsTheTargets() {
		StrainDemo.Report r = StrainDemo.run(SyntheticCrystal.demo());
		System.out.println("strain demo: " + r.toJson());
		assertEquals(r.disksTrue(), r.disksMatched(), "every true disk found");
		assertTrue(r.braggPositionRmsPx() <= 0.1, "bragg_position_rms_px " + r.braggPositionRmsPx());
		assertTrue(r.strainRmsError() <= 1e-3, "strain_rms_error " + r.strainRmsError());
		assertEquals(5, r.probeRadiusPx(), 0.5, "probe radius");
	}

	@Test
	void noiseFreeCrystalIsMeasuredFarBetterThanTheTargets() {
		StrainDemo.Report r = StrainDemo.run(new SyntheticCrystal(8, 8, 128, 5, 1.5, 0, 7));
		assertTrue(r.braggPositionRmsPx() < 0.01, "bragg_position_rms_px " + r.braggPositionRmsPx());
		assertTrue(r.strainRmsError() < 1e-4, "strain_rms_error " + r.strainRmsError());
	}
}
