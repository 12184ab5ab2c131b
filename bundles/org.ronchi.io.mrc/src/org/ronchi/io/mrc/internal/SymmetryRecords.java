package org.ronchi.io.mrc.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CCP4 symmetry records: the extended header of a crystallographic map ({@code exttyp} "CCP4" or blank,
 * {@code ispg} a space group), {@code nsymbt} bytes of 80-character text lines such as
 * {@code "X,Y,Z"}. They describe the space group's operators and are kept as text; the map itself is
 * read as stored.
 */
final class SymmetryRecords {
	/** Symmetry records longer than this are not text a map carries; only the first lines are kept. */
	static final int MAX_BYTES = 1 << 20;

	private SymmetryRecords() {
	}

	static String[] read(FileBytes f, long offset, int size) {
		ByteBuffer b = f.read("CCP4 symmetry records", offset, Math.min(size, MAX_BYTES));
		List<String> lines = new ArrayList<>();
		for (int at = 0; at < b.limit(); at += 80) {
			int n = Math.min(80, b.limit() - at);
			String line = new String(b.array(), at, n, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
			if (!line.isEmpty()) {
				lines.add(line);
			}
		}
		return lines.toArray(String[]::new);
	}
}
