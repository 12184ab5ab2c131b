package org.ronchi.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What a loader may look at to decide whether a file is its format: the name, the size and the first
 * {@value #HEAD_SIZE} bytes, read once for all loaders. A loader that must look deeper (an HDF5 flavour
 * checking for a group) can share one parsed view of the file with the other loaders through
 * {@link #shared(String, Function)}; whatever it opens there is closed with the probe.
 */
public final class FileProbe implements AutoCloseable {
	public static final int HEAD_SIZE = 4096;

	private final Path path;
	private final long size;
	private final byte[] head;
	private final Map<String, Object> shared = new LinkedHashMap<>();

	private FileProbe(Path path, long size, byte[] head) {
		this.path = path;
		this.size = size;
		this.head = head;
	}

	/**
	 * Reads the head of a file, turning the usual mistakes into one clear error each.
	 *
	 * @throws RonchiException if the file is missing, a directory, unreadable or empty
	 */
	public static FileProbe of(Path path) {
		if (!Files.exists(path)) {
			throw new InvalidRequestException(path, null, "no such file");
		}
		if (Files.isDirectory(path)) {
			throw new InvalidRequestException(path, null, "is a directory, not a data file");
		}
		if (!Files.isReadable(path)) {
			throw new InvalidRequestException(path, null, "cannot be read (permission denied)");
		}
		try {
			long size = Files.size(path);
			if (size == 0) {
				throw new FormatException(path, null, "is empty (0 bytes)");
			}
			byte[] head;
			try (InputStream in = Files.newInputStream(path)) {
				head = in.readNBytes(HEAD_SIZE);
			}
			return new FileProbe(path, size, head);
		} catch (IOException e) {
			throw new RonchiException(path, null, "cannot be read: " + e.getMessage(), e);
		}
	}

	/** For tests and for loaders probing in-memory content. */
	public static FileProbe of(Path path, long size, byte[] head) {
		return new FileProbe(path, size, Arrays.copyOf(head, Math.min(head.length, HEAD_SIZE)));
	}

	public Path path() {
		return path;
	}

	public long size() {
		return size;
	}

	/** @return a copy-free view of the first bytes; do not modify */
	public byte[] head() {
		return head;
	}

	/** @return the lower-case extension without the dot, or "" */
	public String extension() {
		String name = path.getFileName() == null ? "" : path.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	public boolean startsWith(byte... magic) {
		return matchesAt(0, magic);
	}

	public boolean matchesAt(int offset, byte... magic) {
		if (offset < 0 || offset + magic.length > head.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (head[offset + i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	public boolean startsWith(String ascii) {
		return startsWith(ascii.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * A view of the file shared by all loaders probing it (e.g. one opened HDF5 file). The view is
	 * created on first request; if it is {@link AutoCloseable} it is closed with the probe. A factory
	 * that fails should return null, which is remembered too.
	 */
	@SuppressWarnings("unchecked")
	public synchronized <T> T shared(String key, Function<FileProbe, T> factory) {
		if (shared.containsKey(key)) {
			return (T) shared.get(key);
		}
		T value = factory.apply(this);
		shared.put(key, value);
		return value;
	}

	/**
	 * Hands a shared view over to the caller, who then owns (and closes) it: the loader chosen to open
	 * the file takes what it opened while probing instead of opening the file again.
	 *
	 * @return the view, or null if none was made under this key (or its factory returned null)
	 */
	@SuppressWarnings("unchecked")
	public synchronized <T> T take(String key) {
		return (T) shared.remove(key);
	}

	@Override
	public synchronized void close() {
		for (Object value : shared.values()) {
			if (value instanceof AutoCloseable c) {
				try {
					c.close();
				} catch (Exception e) {
					// a probe view failing to close leaks nothing we can recover; the file is read-only
				}
			}
		}
		shared.clear();
	}
}
