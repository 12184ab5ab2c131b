package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.ronchi.tests.support.Python;

/** The external readers written files are checked with: h5dump (hdf5-tools) and h5py. */
final class H5Tools {
	private static final Path H5DUMP = Paths.get("/usr/bin/h5dump");

	private H5Tools() {
	}

	/** Runs h5dump with args on f; fails unless it exits 0 without error output. Returns stdout. */
	static String h5dump(Path f, String... args) {
		Assumptions.assumeTrue(Files.isExecutable(H5DUMP), "h5dump not installed (apt install hdf5-tools)");
		List<String> cmd = new ArrayList<>(List.of(H5DUMP.toString()));
		cmd.addAll(List.of(args));
		cmd.add(f.toString());
		try {
			Process p = new ProcessBuilder(cmd).start();
			byte[] out = p.getInputStream().readAllBytes();
			String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(60, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new AssertionError("h5dump timed out");
			}
			String stdout = new String(out, StandardCharsets.UTF_8);
			assertEquals(0, p.exitValue(), "h5dump failed:\n" + err + "\n" + stdout);
			assertFalse(err.contains("error") || stdout.contains("h5dump error"), "h5dump reported:\n" + err + stdout);
			return stdout;
		} catch (IOException e) {
			throw new AssertionError(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	/** Runs a python script (h5py and numpy imported as h5py, np) with the file as sys.argv[1]; returns stdout. */
	static String h5py(Path f, String script) {
		Python.assumeModules("h5py", "numpy");
		return Python.check("import sys, h5py, numpy as np\nf = h5py.File(sys.argv[1], 'r')\n" + script, f.toString());
	}

	/** @return files in dir other than the expected ones: leftover temporary files */
	static List<Path> strays(Path dir, Path... expected) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> !List.of(expected).contains(p)).toList();
		}
	}
}
