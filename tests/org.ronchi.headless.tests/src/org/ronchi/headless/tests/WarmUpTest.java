package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The hidden command the launcher script trains its start-up archive with. */
class WarmUpTest {
	@Test
	void warmUpLoadsTheClassesOfRonchisBundlesAndTheirLibraries() {
		Assumptions.assumeTrue(org.osgi.framework.FrameworkUtil.getBundle(WarmUpTest.class) != null, "needs OSGi");
		Cli.Run r = Cli.run("warm-up");
		assertEquals(0, r.exit(), r.err());
		Matcher m = Pattern.compile("warm-up: (\\d+) classes of (\\d+) bundles loaded").matcher(r.out());
		assertTrue(m.find(), r.out());
		assertTrue(Integer.parseInt(m.group(1)) > 1000, r.out()); // the formats, jhdf, January, Gson: thousands
		assertTrue(Integer.parseInt(m.group(2)) > 10, r.out());
	}

	@Test
	void warmUpIsNotListedInTheHelp() {
		assertFalse(Cli.run("--help").out().contains("warm-up"));
	}
}
