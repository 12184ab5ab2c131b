package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * The contiguous data of a dataset whose elements are known only at close: variable-length string
 * descriptors (pointing into the global heap) or object references.
 */
final class ValueBlock extends Block {
	private final Value value;
	private final GlobalHeap.Ids ids;

	ValueBlock(Value value, GlobalHeap heap) {
		this.value = value;
		this.ids = value.addTo(heap);
		if (value.byteSize() > Integer.MAX_VALUE - 64) {
			throw new IllegalArgumentException("variable-length or reference data over 2 GiB");
		}
	}

	@Override
	int size() {
		return (int) value.byteSize();
	}

	@Override
	void encode(ByteBuffer out) {
		value.encode(out, ids);
	}
}
