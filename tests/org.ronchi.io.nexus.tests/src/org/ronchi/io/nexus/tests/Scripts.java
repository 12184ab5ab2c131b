package org.ronchi.io.nexus.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The Python scripts in resources/, which check files with Debian's h5py and HyperSpy 1.7.3. */
final class Scripts {
	private Scripts() {
	}

	static String read(String name) {
		try (InputStream in = Scripts.class.getResourceAsStream("/" + name)) {
			if (in == null) {
				throw new AssertionError("resource " + name + " missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}
}
