package org.ronchi.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs Debian's python3 (with h5py/numpy) to cross-check files Ronchi writes. Python is a test tool,
 * never a runtime dependency. Where it is not installed the calling test is skipped with a message;
 * .ci/run installs it, so in CI these checks always run.
 */
public final class Python {
	private Python() {
	}

	public static String executable() {
		return System.getProperty("ronchi.python", "/usr/bin/python3");
	}

	/** Skips the test unless python3 can import the given modules. */
	public static void assumeModules(String... modules) {
		String exe = executable();
		Assumptions.assumeTrue(Files.isExecutable(Paths.get(exe)), "python3 not found at " + exe);
		Result r = run("import " + String.join(", ", modules));
		Assumptions.assumeTrue(r.exit == 0, "python3 lacks " + String.join(", ", modules) + ": " + r.err);
	}

	/** The outcome of a script. */
	public record Result(int exit, String out, String err) {
	}

	/** Runs a script with arguments (sys.argv[1:]); fails the test on timeout. */
	public static Result run(String script, String... args) {
		try {
			Path f = Files.createTempFile("ronchi-check", ".py");
			Files.writeString(f, script);
			List<String> cmd = new ArrayList<>(List.of(executable(), f.toString()));
			cmd.addAll(List.of(args));
			ProcessBuilder pb = new ProcessBuilder(cmd);
			pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
			Process p = pb.start();
			byte[] out = p.getInputStream().readAllBytes();
			byte[] err = p.getErrorStream().readAllBytes();
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new AssertionError("python check timed out");
			}
			Files.deleteIfExists(f);
			return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim(),
					new String(err, StandardCharsets.UTF_8).trim());
		} catch (IOException e) {
			throw new AssertionError("cannot run python3: " + e, e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	/** Runs a script that must succeed; returns its stdout. */
	public static String check(String script, String... args) {
		Result r = run(script, args);
		if (r.exit != 0) {
			throw new AssertionError("python check failed (exit " + r.exit + "):\n" + r.err + "\n" + r.out);
		}
		return r.out;
	}
}
