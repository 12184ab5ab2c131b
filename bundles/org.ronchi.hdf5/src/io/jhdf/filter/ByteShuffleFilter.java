/*
 * This file is part of jHDF. A pure Java library for accessing HDF5 files.
 *
 * https://jhdf.io
 *
 * Copyright (c) 2026 James Mudd
 *
 * MIT License see 'LICENSE' file
 *
 * Patched copy for Ronchi (see org.ronchi.hdf5 package-info): jHDF 0.13.0 takes the element size from
 * the filter's client data and fails with an index error when there is none. libhdf5 stores none for a
 * dataset of variable-length elements: it cannot shuffle them, and as h5py adds shuffle as an optional
 * filter, it skips it for every chunk. HyperSpy writes its lists of text (Sample.elements) so. This copy
 * passes such chunks through unchanged; everything else is upstream's.
 */
package io.jhdf.filter;

/**
 * The HDF5 byte shuffle filter (id 2): the bytes of each element are stored grouped by their position in
 * the element, which compresses better.
 */
public class ByteShuffleFilter implements Filter {
	public static final int ID = 2;

	@Override
	public int getId() {
		return ID;
	}

	@Override
	public String getName() {
		return "shuffle";
	}

	@Override
	public byte[] decode(byte[] data, int[] filterData) {
		if (filterData == null || filterData.length == 0) {
			return data; // no element size: libhdf5 skipped the filter (variable-length elements)
		}
		int elementSize = filterData[0];
		if (elementSize <= 1) {
			return data;
		}
		int elements = data.length / elementSize;
		byte[] out = new byte[data.length];
		int pos = 0;
		for (int b = 0; b < elementSize; b++) {
			for (int e = 0; e < elements; e++) {
				out[e * elementSize + b] = data[pos++];
			}
		}
		// bytes beyond the last whole element are stored as they are
		System.arraycopy(data, pos, out, pos, data.length - pos);
		return out;
	}

	@Override
	public byte[] encode(byte[] data, int[] filterData) {
		if (filterData == null || filterData.length == 0 || filterData[0] <= 1) {
			return data;
		}
		int elementSize = filterData[0];
		int elements = data.length / elementSize;
		byte[] out = new byte[data.length];
		int pos = 0;
		for (int b = 0; b < elementSize; b++) {
			for (int e = 0; e < elements; e++) {
				out[pos++] = data[e * elementSize + b];
			}
		}
		System.arraycopy(data, pos, out, pos, data.length - pos);
		return out;
	}
}
