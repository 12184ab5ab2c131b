/*
 * This file is part of jHDF. A pure Java library for accessing HDF5 files.
 *
 * https://jhdf.io
 *
 * Copyright (c) 2026 James Mudd
 *
 * MIT License see 'LICENSE' file
 *
 * Patched copy for Ronchi (see org.ronchi.hdf5 package-info): jHDF 0.13.0 reads the opaque type's ASCII
 * tag up to its NUL and throws when the tag is empty (a tag length of 0, no NUL to find), which makes the
 * whole object header unreadable. h5py writes numpy's void scalars (np.void) with an empty tag, and
 * HyperSpy stores binary strings so ("_bs_" attributes of .hspy metadata). This copy reads an empty tag
 * as "" and a tag without NUL whole. Only the constructor differs from upstream; element values are still
 * byte[] per element. Shadowed ahead of the embedded jhdf jar by Bundle-ClassPath order.
 */
package io.jhdf.object.datatype;

import io.jhdf.Utils;
import io.jhdf.storage.HdfBackingStorage;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static io.jhdf.Utils.stripLeadingIndex;

/**
 * Class for reading opaque data type (HDF5 type 5). Data will returned as a byte[] for each element.
 *
 * @author James Mudd
 */
public class OpaqueDataType extends DataType {
	private final String asciiTag;

	public OpaqueDataType(ByteBuffer bb) {
		super(bb);
		int tagLength = Utils.bitsToInt(classBits, 0, 8);
		byte[] tag = new byte[Math.min(tagLength, bb.remaining())];
		bb.get(tag);
		int end = 0;
		while (end < tag.length && tag[end] != 0) {
			end++;
		}
		asciiTag = new String(tag, 0, end, StandardCharsets.US_ASCII);
	}

	public String getAsciiTag() {
		return asciiTag;
	}

	@Override
	public Class<?> getJavaType() {
		return byte[].class;
	}

	@Override
	public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage hdfBackingStorage) {
		int elements = IntStream.of(dimensions).reduce(1, Math::multiplyExact);
		int elementSize = elements == 0 ? 0 : buffer.remaining() / elements;
		Object data = Array.newInstance(getJavaType(), dimensions);
		fill(data, dimensions, buffer, elementSize);
		return data;
	}

	private static void fill(Object data, int[] dims, ByteBuffer buffer, int elementSize) {
		if (dims.length > 1) {
			for (int i = 0; i < dims[0]; i++) {
				fill(Array.get(data, i), stripLeadingIndex(dims), buffer, elementSize);
			}
		} else {
			for (int i = 0; i < Array.getLength(data); i++) {
				byte[] element = new byte[elementSize];
				buffer.get(element);
				Array.set(data, i, element);
			}
		}
	}
}
