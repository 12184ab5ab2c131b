package org.ronchi.tests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the real test files (../shared/testdata/real, GPL-licensed, never copied into the repository).
 * The folder comes from the system property {@code ronchi.testdata}, which the build sets. A missing
 * folder fails the test: conformance tests must not pass by finding nothing.
 */
public final class TestData {
	private TestData() {
	}

	public static Path root() {
		String p = System.getProperty("ronchi.testdata");
		if (p == null) {
			fail("system property ronchi.testdata is not set (run through ./ronchi test or dev/quicktest)");
		}
		Path root = Paths.get(p).toAbsolutePath().normalize();
		if (!Files.isDirectory(root)) {
			fail("real test data folder not found: " + root);
		}
		return root;
	}

	/** @return the real file at this path below the test data root; fails the test if absent */
	public static Path real(String relative) {
		Path f = root().resolve(relative);
		if (!Files.isRegularFile(f)) {
			fail("real test file missing: " + f);
		}
		return f;
	}

	/** @return every regular file below the folder whose name ends with one of the suffixes, sorted */
	public static List<Path> realFiles(String folder, String... suffixes) {
		try (Stream<Path> s = Files.walk(root().resolve(folder))) {
			List<Path> files = s.filter(Files::isRegularFile).filter(f -> {
				String n = f.getFileName().toString().toLowerCase();
				for (String suf : suffixes) {
					if (n.endsWith(suf)) {
						return true;
					}
				}
				return suffixes.length == 0;
			}).sorted().toList();
			if (files.isEmpty()) {
				fail("no real test files in " + folder);
			}
			return files;
		} catch (IOException e) {
			throw new AssertionError("cannot list " + folder + ": " + e, e);
		}
	}

	/** @return a fresh temporary directory for a test's outputs */
	public static Path tempDir(String prefix) {
		try {
			return Files.createTempDirectory("ronchi-" + prefix);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}
