package org.ronchi.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The few superblock fields Ronchi checks before handing a file to jhdf: where the signature is (0 or a
 * power of two ≥ 512 after a user block), the version, and the end-of-file address, so that a truncated
 * file is reported as truncated instead of failing somewhere inside the object tree.
 *
 * @see <a href="https://docs.hdfgroup.org/hdf5/develop/_f_m_t3.html#Superblock">HDF5 format: Superblock</a>
 */
record Superblock(long signatureOffset, int version, long baseAddress, long endOfFileAddress) {

	static final byte[] SIGNATURE = { (byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n' };

	/** @return the signature offset found in the first bytes, or -1 */
	static long findSignature(byte[] head) {
		for (long off = 0; off + 8 <= head.length; off = off == 0 ? 512 : off * 2) {
			boolean match = true;
			for (int i = 0; i < 8; i++) {
				if (head[(int) off + i] != SIGNATURE[i]) {
					match = false;
					break;
				}
			}
			if (match) {
				return off;
			}
		}
		return -1;
	}

	static Superblock read(Path file, FileChannel ch, long sigOffset) throws IOException {
		ByteBuffer b = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
		ch.read(b, sigOffset);
		b.flip();
		if (b.limit() < 16) {
			throw new Hdf5Exception(file, "superblock at 0x" + Long.toHexString(sigOffset), "truncated: file ends inside the superblock");
		}
		int version = b.get(8) & 0xff;
		int sizeOfOffsets;
		int addrPos;
		switch (version) {
		case 0, 1 -> {
			sizeOfOffsets = b.get(13) & 0xff;
			addrPos = version == 0 ? 24 : 28;
		}
		case 2, 3 -> {
			sizeOfOffsets = b.get(9) & 0xff;
			addrPos = 12;
		}
		default -> throw new Hdf5Exception(file, "superblock", "unsupported superblock version " + version);
		}
		if (sizeOfOffsets != 8 && sizeOfOffsets != 4 && sizeOfOffsets != 2) {
			throw new Hdf5Exception(file, "superblock", "corrupt: size of offsets is " + sizeOfOffsets);
		}
		int eofPos = addrPos + 2 * sizeOfOffsets; // base, then free-space (v0/1) or extension (v2/3), then EOF
		if (b.limit() < eofPos + sizeOfOffsets) {
			throw new Hdf5Exception(file, "superblock", "truncated: file ends inside the superblock");
		}
		long base = readAddress(b, addrPos, sizeOfOffsets);
		long eof = readAddress(b, eofPos, sizeOfOffsets);
		return new Superblock(sigOffset, version, base, eof);
	}

	private static long readAddress(ByteBuffer b, int pos, int size) {
		return switch (size) {
		case 2 -> Short.toUnsignedLong(b.getShort(pos));
		case 4 -> Integer.toUnsignedLong(b.getInt(pos));
		default -> b.getLong(pos);
		};
	}

	/** @return the file size the superblock promises */
	long expectedSize() {
		return baseAddress + endOfFileAddress;
	}
}
