package org.ronchi.processing.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ronchi.processing.ProcessingException;

/**
 * Checksums of input files as provenance and workflows record them: {@code "sha256:<hex>"}, the SHA-256
 * of the file's bytes, the same as {@code sha256sum} prints (and as research-data repositories publish).
 * Remembered per path, size and modification time for the life of the process, so a file is read once
 * however many runs and workflow checks ask.
 */
public final class Checksums {
	/** The prefix naming the algorithm. */
	public static final String SHA256 = "sha256:";
	private static final int MAX_REMEMBERED = 512;
	private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

	private Checksums() {
	}

	/**
	 * @return {@code "sha256:<hex>"} of the file's bytes
	 * @throws ProcessingException naming the file if it cannot be read
	 */
	public static String sha256(Path file) {
		Path f = file.toAbsolutePath().normalize();
		String id;
		try {
			id = f + "\n" + Files.size(f) + "\n" + Files.getLastModifiedTime(f).toMillis();
		} catch (IOException e) {
			throw new ProcessingException(f, null, "cannot read for its checksum: " + e.getMessage(), e);
		}
		String known = KNOWN.get(id);
		if (known != null) {
			return known;
		}
		String sum = SHA256 + compute(f);
		if (KNOWN.size() >= MAX_REMEMBERED) {
			KNOWN.clear();
		}
		KNOWN.put(id, sum);
		return sum;
	}

	private static String compute(Path f) {
		try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
			while (ch.read(b) >= 0) {
				b.flip();
				md.update(b);
				b.clear();
			}
			return HexFormat.of().formatHex(md.digest());
		} catch (IOException e) {
			throw new ProcessingException(f, null, "cannot read for its checksum: " + e.getMessage(), e);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
