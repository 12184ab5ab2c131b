package org.ronchi.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code java -cp <this jar> org.ronchi.launcher.FrameworkCopy FRAMEWORK_JAR COPY}: writes the
 * framework jar without its signature (the {@code .SF} and signature block files, and the manifest's
 * per-entry digests), so that class-data sharing can archive its classes. The manifest's main
 * section, which Equinox reads for the system bundle's headers, stays as it is. The copy is written
 * to a temporary file and renamed, so concurrent first runs never see half a jar.
 */
public final class FrameworkCopy {

	private FrameworkCopy() {
	}

	/** Exit 0 when the copy is in place; otherwise one line on stderr and exit 1 (the caller falls back). */
	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: FrameworkCopy FRAMEWORK_JAR COPY");
			System.exit(2);
		}
		try {
			copyUnsigned(Paths.get(args[0]), Paths.get(args[1]));
		} catch (IOException | RuntimeException e) {
			System.err.println("ronchi: cannot copy the framework jar " + args[0] + " to " + args[1] + " (" + e
					+ "); starting through the Equinox launcher instead");
			System.exit(1);
		}
	}

	static void copyUnsigned(Path jar, Path copy) throws IOException {
		Path tmp = Files.createTempFile(copy.toAbsolutePath().getParent(), copy.getFileName().toString(), ".tmp");
		try {
			try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
					ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
				for (ZipEntry e; (e = in.getNextEntry()) != null;) {
					String name = e.getName();
					if (isSignature(name)) {
						continue;
					}
					out.putNextEntry(new ZipEntry(name));
					if (name.equalsIgnoreCase("META-INF/MANIFEST.MF")) {
						out.write(mainSection(in.readAllBytes()));
					} else {
						in.transferTo(out);
					}
					out.closeEntry();
				}
			}
			Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(tmp);
		}
	}

	static boolean isSignature(String name) {
		String n = name.toUpperCase(Locale.ROOT);
		if (!n.startsWith("META-INF/") || n.indexOf('/', "META-INF/".length()) >= 0) {
			return false;
		}
		return n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC");
	}

	/** The manifest up to its first empty line: the main attributes without the digest sections. */
	static byte[] mainSection(byte[] manifest) {
		String text = new String(manifest, StandardCharsets.UTF_8).replace("\r\n", "\n");
		int end = text.indexOf("\n\n");
		String main = end < 0 ? text : text.substring(0, end + 1);
		ByteArrayOutputStream b = new ByteArrayOutputStream();
		b.writeBytes(main.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
		b.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		return b.toByteArray();
	}
}
