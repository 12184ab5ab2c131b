package org.ronchi.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

class FrameworkCopyTest {

	@TempDir
	Path dir;

	/** The framework these tests run in: a signed Equinox jar, as the product ships it. */
	@Test
	void theRealFrameworkJarLosesItsSignatureAndNothingElse() throws Exception {
		Path jar = Paths.get(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path copy = dir.resolve("framework.jar");
		FrameworkCopy.copyUnsigned(jar, copy);

		try (JarFile original = new JarFile(jar.toFile()); JarFile unsigned = new JarFile(copy.toFile(), true)) {
			assertFalse(signatureFiles(original).isEmpty(), "the framework jar of the test runtime should be signed: " + jar);
			assertTrue(signatureFiles(unsigned).isEmpty());
			assertEquals(original.getManifest().getMainAttributes(), unsigned.getManifest().getMainAttributes());
			assertTrue(unsigned.getManifest().getEntries().isEmpty(), "per-entry digests are gone");
			assertEquals(original.size() - signatureFiles(original).size(), unsigned.size());
			JarEntry starter = unsigned.getJarEntry("org/eclipse/core/runtime/adaptor/EclipseStarter.class");
			try (InputStream a = original.getInputStream(original.getEntry(starter.getName())); InputStream b = unsigned.getInputStream(starter)) {
				assertTrue(java.util.Arrays.equals(a.readAllBytes(), b.readAllBytes()));
			}
			assertNull(starter.getCodeSigners());
		}
	}

	@Test
	void onlySignatureFilesDirectlyInMetaInfAreDropped() {
		assertTrue(FrameworkCopy.isSignature("META-INF/ECLIPSE_.SF"));
		assertTrue(FrameworkCopy.isSignature("meta-inf/x.rsa"));
		assertTrue(FrameworkCopy.isSignature("META-INF/KEY.EC"));
		assertFalse(FrameworkCopy.isSignature("META-INF/services/a.SF"));
		assertFalse(FrameworkCopy.isSignature("org/x/Y.SF"));
		assertFalse(FrameworkCopy.isSignature("META-INF/MANIFEST.MF"));
	}

	@Test
	void theManifestKeepsItsMainSectionWithContinuationLines() throws IOException {
		String main = "Manifest-Version: 1.0\r\nExport-Package: a,\r\n b\r\n";
		String digests = "Name: a/B.class\r\nSHA-256-Digest: xyz\r\n\r\n";
		Path jar = dir.resolve("in.jar");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
			put(out, "META-INF/MANIFEST.MF", main + "\r\n" + digests);
			put(out, "META-INF/A.SF", "signature");
			put(out, "a/B.class", "bytes");
		}
		Path copy = dir.resolve("out.jar");
		FrameworkCopy.copyUnsigned(jar, copy);
		try (JarFile j = new JarFile(copy.toFile())) {
			assertEquals("a,b", j.getManifest().getMainAttributes().getValue("Export-Package"));
			assertNull(j.getEntry("META-INF/A.SF"));
			assertNotNull(j.getEntry("a/B.class"));
			try (InputStream m = j.getInputStream(j.getEntry("META-INF/MANIFEST.MF"))) {
				assertEquals(main + "\r\n", new String(m.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		try (var files = Files.list(dir)) {
			assertEquals(2, files.count(), "no temporary file is left behind");
		}
	}

	@Test
	void withoutAFrameworkOnItsClassPathTheLauncherFailsWithEquinoxsStartUpCode() {
		// inside the test runtime this bundle imports nothing, so EclipseStarter is not visible to it
		assertEquals(Main.STARTUP_FAILED, Main.run(new String[] { "-application", "none" }));
	}

	private static List<String> signatureFiles(JarFile jar) {
		List<String> names = new ArrayList<>();
		for (JarEntry e : Collections.list(jar.entries())) {
			if (FrameworkCopy.isSignature(e.getName())) {
				names.add(e.getName());
			}
		}
		return names;
	}

	private static void put(ZipOutputStream out, String name, String text) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		OutputStream o = out;
		o.write(text.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}
}
