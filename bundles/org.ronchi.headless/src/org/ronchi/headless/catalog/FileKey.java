package org.ronchi.headless.catalog;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What decides whether a file is already in a catalogue: its absolute path, size and modification time
 * (ISO 8601, UTC, at the file system's precision). A file whose key is in the output is unchanged since it
 * was catalogued and is skipped.
 */
public record FileKey(String path, long size, String modified) {

	public static FileKey of(Path file, BasicFileAttributes attrs) {
		return new FileKey(file.toAbsolutePath().normalize().toString(), attrs.size(), attrs.lastModifiedTime().toInstant().toString());
	}
}
