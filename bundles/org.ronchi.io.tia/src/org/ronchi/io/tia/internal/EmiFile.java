package org.ronchi.io.tia.internal;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.io.RonchiException;

/**
 * The {@code .emi} file TIA writes beside its {@code _N.ser} files. Its binary part (TIA's own object
 * serialisation, undocumented) holds display settings and a copy of the data; what is documented and
 * useful is the XML metadata: one {@code <ObjectInfo>...</ObjectInfo>} block per data object, the N-th
 * block describing {@code _N.ser}. We only find and return those blocks.
 */
final class EmiFile {
	static final byte[] MAGIC = { 'J', 'K', 0, 2 };
	private static final byte[] START = "<ObjectInfo>".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] END = "</ObjectInfo>".getBytes(StandardCharsets.US_ASCII);
	/** A metadata block larger than this is not XML TIA wrote; it is skipped. */
	private static final int MAX_BLOCK = 16 << 20;

	private EmiFile() {
	}

	/**
	 * @return the raw bytes of each ObjectInfo block, in file order
	 * @throws RonchiException if the file cannot be read
	 */
	static List<byte[]> objectInfoBlocks(Path emi) {
		try (FileChannel ch = FileChannel.open(emi, StandardOpenOption.READ)) {
			long size = Math.min(ch.size(), Integer.MAX_VALUE);
			MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
			List<byte[]> blocks = new ArrayList<>();
			int from = 0;
			while (true) {
				int s = indexOf(map, START, from);
				if (s < 0) {
					break;
				}
				int e = indexOf(map, END, s + START.length);
				if (e < 0) {
					break;
				}
				int end = e + END.length;
				if (end - s <= MAX_BLOCK) {
					byte[] block = new byte[end - s];
					map.get(s, block);
					blocks.add(block);
				}
				from = end;
			}
			return blocks;
		} catch (IOException e) {
			throw new RonchiException(emi, null, "cannot be read: " + e.getMessage(), e);
		}
	}

	private static int indexOf(MappedByteBuffer b, byte[] pattern, int from) {
		int last = b.limit() - pattern.length;
		outer: for (int i = from; i <= last; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (b.get(i + j) != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
