package org.ronchi.io.emd.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.ronchi.tests.support.Python;

/** Runs the Python scripts of resources/: fixtures written by h5py, and checks of written files. */
final class Fixtures {
	private Fixtures() {
	}

	static String script(String name) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	/** @return an emdfile-style EMD 1.0 file with every node and metadata type (skips if h5py is missing) */
	static Path emd1(Path dir) {
		Python.assumeModules("h5py", "numpy");
		Path f = dir.resolve("fixture.emd");
		Python.check(script("emd1_fixture.py"), f.toString());
		return f;
	}

	/** Runs a check script (h5py and numpy imported, f = the file opened read-only); returns stdout. */
	static String h5py(Path file, String body) {
		Python.assumeModules("h5py", "numpy");
		return Python.check("import sys, h5py, numpy as np\nf = h5py.File(sys.argv[1], 'r')\n" + body, file.toString());
	}
}
