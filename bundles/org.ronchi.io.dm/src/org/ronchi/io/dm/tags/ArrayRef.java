package org.ronchi.io.dm.tags;

import java.nio.ByteOrder;

import org.ronchi.core.metadata.MetadataTree;

/**
 * An array tag whose values were left in the file: the image data, or any array too large to be worth
 * holding as metadata. Its bytes are {@code [offset, offset + byteLength)}, already checked to lie
 * inside the file.
 *
 * @param type the array type, e.g. float32[8192] or struct[float32, float32][4]
 * @param offset where the first element starts
 * @param order byte order of the values
 */
public record ArrayRef(TagType.Array type, long offset, ByteOrder order) {

	public long count() {
		return type.count();
	}

	public long byteLength() {
		return type.byteSize();
	}

	/** @return bytes per element */
	public long elementSize() {
		return type.element().byteSize();
	}

	/** @return where the data is, in the tree of original metadata instead of the values */
	MetadataTree describe() {
		return new MetadataTree().put("offset", offset).put("size", count()).put("size_bytes", byteLength())
				.put("endian", order == ByteOrder.LITTLE_ENDIAN ? "little" : "big").put("type", type.describe());
	}
}
