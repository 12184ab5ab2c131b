package org.ronchi.io.dm.tags;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.ronchi.io.dm.DmFormatException;

/**
 * The contents of a data tag (kind 21): the delimiter {@code %%%%}, the length of the info array, the
 * info array ({@link TagType}), then the value in the file's value byte order. Counts are 4 bytes in
 * DM3 and 8 in DM4, always big endian.
 */
final class DataTag {
	/** Arrays larger than this stay on disk as an {@link ArrayRef} instead of becoming metadata. */
	static final long MAX_INLINE = 8L << 20;
	private static final int MAX_INFO = 1 << 16;

	private DataTag() {
	}

	/**
	 * Reads a data tag's contents.
	 *
	 * @param keepOnDisk leave an array value in the file even if small (the image data)
	 * @return the value, or an {@link ArrayRef} for an array left in the file
	 */
	static Object read(DmInput in, DmHeader header, String path, boolean keepOnDisk) {
		String where = "tag " + TagEntry.quote(path);
		long at = in.position();
		byte[] delimiter = in.bytes(4, where);
		if (delimiter[0] != '%' || delimiter[1] != '%' || delimiter[2] != '%' || delimiter[3] != '%') {
			throw DmFormatException.at(in.file(), where, at,
					"expected the delimiter '%%%%', found " + TagEntry.quote(new String(delimiter, StandardCharsets.ISO_8859_1)));
		}
		long n = in.count(header.isDm4(), where);
		if (n < 1 || n > MAX_INFO) {
			throw DmFormatException.at(in.file(), where, at, "info array length " + n + " is out of range");
		}
		int width = header.isDm4() ? 8 : 4;
		in.require(n * width, where);
		long[] info = new long[(int) n];
		for (int i = 0; i < n; i++) {
			info[i] = in.count(header.isDm4(), where);
		}
		TagType type;
		long size;
		try {
			type = TagType.parse(info);
			size = type.byteSize();
		} catch (IllegalArgumentException | ArithmeticException e) {
			throw DmFormatException.at(in.file(), where, at, e.getMessage() != null ? e.getMessage() : "value size overflows");
		}
		long valueAt = in.position();
		in.require(size, where + " value (" + type.describe() + ")");
		if (type instanceof TagType.Array a && (keepOnDisk || size > MAX_INLINE)) {
			in.skip(size, where);
			return new ArrayRef(a, valueAt, header.valueOrder());
		}
		if (size > MAX_INLINE) { // a huge string: not metadata anyone reads; say where it is
			in.skip(size, where);
			return "<" + type.describe() + " at 0x" + Long.toHexString(valueAt) + ", not read>";
		}
		ByteBuffer b = ByteBuffer.wrap(in.bytes((int) size, where)).order(header.valueOrder());
		return TagData.decode(type, b);
	}
}
