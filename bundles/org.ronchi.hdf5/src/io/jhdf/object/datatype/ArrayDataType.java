/*
 * This file is part of jHDF. A pure Java library for accessing HDF5 files.
 *
 * https://jhdf.io
 *
 * Copyright (c) 2026 James Mudd
 *
 * MIT License see 'LICENSE' file
 *
 * Patched copy for Ronchi (see org.ronchi.hdf5 package-info): jHDF 0.13.0 reads a version 2 array
 * datatype as if each dimension size were followed by its permutation index, but the format stores all
 * sizes first, then all permutation indices; a 2-D array element of 2 x 3 (h5py's dtype ('<f4', (2, 3)))
 * reads as 2 x 0. This copy reads the sizes, then skips the indices. Shadowed ahead of the embedded jhdf
 * jar by Bundle-ClassPath order.
 */
package io.jhdf.object.datatype;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;

import org.apache.commons.lang3.ArrayUtils;

import io.jhdf.Utils;
import io.jhdf.dataset.DatasetReader;
import io.jhdf.storage.HdfBackingStorage;

/**
 * The array datatype (class 10, File Format Specification IV.A.2.d): a fixed-size array of a base type.
 */
public class ArrayDataType extends DataType {
	private final DataType baseType;
	private final int[] arrayTypeDimensions;

	public ArrayDataType(ByteBuffer bb) {
		super(bb);
		final int dimensions = Utils.readBytesAsUnsignedInt(bb, 1);
		arrayTypeDimensions = new int[dimensions];
		if (getVersion() == 2) {
			bb.position(bb.position() + 3); // reserved
		}
		for (int i = 0; i < dimensions; i++) {
			arrayTypeDimensions[i] = Utils.readBytesAsUnsignedInt(bb, 4);
		}
		if (getVersion() == 2) {
			bb.position(bb.position() + 4 * dimensions); // permutation indices, unused by libhdf5 too
		}
		baseType = DataType.readDataType(bb);
	}

	@Override
	public Class<?> getJavaType() {
		return Array.newInstance(baseType.getJavaType(), 0).getClass();
	}

	public DataType getBaseType() {
		return baseType;
	}

	public int[] getArrayTypeDimensions() {
		return arrayTypeDimensions;
	}

	@Override
	public Object fillData(ByteBuffer buffer, int[] dimensions, HdfBackingStorage hdfBackingStorage) {
		final int[] dims = ArrayUtils.addAll(dimensions, arrayTypeDimensions);
		return DatasetReader.readDataset(getBaseType(), buffer, dims, hdfBackingStorage);
	}
}
