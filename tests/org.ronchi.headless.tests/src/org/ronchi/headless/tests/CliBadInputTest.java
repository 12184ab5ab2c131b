package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ronchi.tests.support.TestData;

/** Each bad input: exit 1 and one line naming the file and the problem; bad usage: exit 2. */
class CliBadInputTest {

	private static void assertOneLineError(Cli.Run r, Path file, String problem) {
		assertEquals(1, r.exit(), r.out() + r.err());
		String err = r.err().strip();
		assertEquals(1, err.lines().count(), err);
		assertTrue(err.contains(file.toString()), err);
		assertTrue(err.contains(problem), err);
		assertFalse(err.contains("Exception"), err);
	}

	@Test
	void missingFile() {
		Path p = TestData.tempDir("bad").resolve("nope.h5");
		assertOneLineError(Cli.run("info", p.toString()), p, "no such file");
	}

	@Test
	void directory() {
		Path p = TestData.tempDir("bad");
		assertOneLineError(Cli.run("info", p.toString()), p, "directory");
	}

	@Test
	void zeroByteFile() throws Exception {
		Path p = Files.createFile(TestData.tempDir("bad").resolve("empty.h5"));
		assertOneLineError(Cli.run("info", p.toString()), p, "empty");
	}

	@Test
	void truncatedHdf5() throws Exception {
		byte[] all = Files.readAllBytes(TestData.real("usid/pyUSID/simulated_STEM_Image.h5"));
		Path p = TestData.tempDir("bad").resolve("cut.h5");
		Files.write(p, Arrays.copyOf(all, all.length / 3));
		assertOneLineError(Cli.run("tree", p.toString()), p, "truncated");
	}

	@Test
	void nonHdf5NamedH5() throws Exception {
		Path p = TestData.tempDir("bad").resolve("notes.h5");
		Files.writeString(p, "just some text, not a data file\n");
		assertOneLineError(Cli.run("info", p.toString(), "--json"), p, "not HDF5");
	}

	@Test
	void unknownDatasetAndBadSlice() throws Exception {
		Path f = TestData.real("py4dstem/rsciio/py4DSTEM_size2x3x4x5.h5");
		Path out = TestData.tempDir("bad").resolve("x.npy");
		assertOneLineError(Cli.run("export", f.toString(), "/nope", "--npy", out.toString()), f, "no such dataset");
		assertOneLineError(Cli.run("export", f.toString(), "/datacube_root/datacube/data", "--npy", out.toString(), "--slice", "9"),
				f, "out of range");
		assertFalse(Files.exists(out));
	}

	@Test
	void badUsageIsExitTwo() {
		assertEquals(2, Cli.run("info").exit());
		assertEquals(2, Cli.run("frobnicate").exit());
		Cli.Run help = Cli.run("--help");
		assertEquals(0, help.exit());
		assertTrue(help.out().contains("export") && help.out().contains("demo"), help.out());
	}

	/** Every command answers --help with its own usage (only the named command is built: RonchiCli). */
	@Test
	void everyCommandHasItsOwnHelp() {
		for (String command : new String[] { "info", "tree", "metadata", "export", "convert", "formats", "ops", "run", "demo", "gui" }) {
			Cli.Run help = Cli.run(command, "--help");
			assertEquals(0, help.exit(), command + ": " + help.err());
			assertTrue(help.out().startsWith("Usage: ronchi " + command), help.out());
		}
		Cli.Run typo = Cli.run("inof", "x.dm3");
		assertEquals(2, typo.exit());
		assertTrue(typo.err().contains("Did you mean: ronchi info?"), typo.err());
	}
}
