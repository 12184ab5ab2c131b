package org.ronchi.io.tiff.format;

/**
 * One 12-byte (BigTIFF: 20-byte) IFD entry (TIFF 6.0 section 2, "IFD Entry"): tag, field type, value count,
 * and either the value itself (when it fits in the offset field) or the offset of the value.
 *
 * @param entryOffset where the entry starts, for error messages
 * @param inline      the offset field's raw bytes, holding the value when {@link #isInline} is true
 * @param valueOffset where the value starts when it does not fit inline
 */
public record IfdEntry(int tag, FieldType type, long count, long entryOffset, byte[] inline, long valueOffset) {

	/** @return the value's size in bytes, or -1 if count * size overflows */
	public long byteCount() {
		if (count < 0 || count > Long.MAX_VALUE / type.size()) {
			return -1;
		}
		return count * type.size();
	}

	public boolean isInline() {
		long n = byteCount();
		return n >= 0 && n <= inline.length;
	}
}
