/*
 * This file is part of jHDF. A pure Java library for accessing HDF5 files.
 *
 * https://jhdf.io
 *
 * Copyright (c) 2026 James Mudd
 *
 * MIT License see 'LICENSE' file
 *
 * Patched copy for Ronchi (see org.ronchi.hdf5 package-info): jHDF 0.13.0 parses a dataset's datatype
 * while it parses the dataset's object header, and a datatype it cannot parse throws out of the header,
 * then out of the group listing its siblings: the whole file fails to open. This copy remembers why it
 * could not be parsed and throws that when the datatype is asked for, so the patched DatasetLoader can
 * list the dataset as unreadable. Shadowed ahead of the embedded jhdf jar by Bundle-ClassPath order.
 */
package io.jhdf.object.message;

import java.nio.ByteBuffer;
import java.util.BitSet;

import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;

/** The datatype message (type 0x0003, File Format Specification IV.A.2.d). */
public class DataTypeMessage extends Message {
	public static final int MESSAGE_TYPE = 3;

	private final DataType dataType;
	/** Why the datatype could not be parsed; null when it was. */
	private final String unreadable;

	/* package */ DataTypeMessage(ByteBuffer bb, BitSet flags) {
		super(flags);
		DataType type = null;
		String reason = null;
		try {
			type = DataType.readDataType(bb);
		} catch (RuntimeException e) {
			reason = e.getMessage() != null ? e.getMessage() : "damaged datatype";
		}
		dataType = type;
		unreadable = reason;
	}

	private DataTypeMessage(DataType dataType) {
		this.dataType = dataType;
		this.unreadable = null;
	}

	public static DataTypeMessage create(DataType dataType) {
		return new DataTypeMessage(dataType);
	}

	/** @throws HdfException with the reason when the datatype could not be parsed */
	public DataType getDataType() {
		if (unreadable != null) {
			throw new HdfException("unreadable datatype: " + unreadable);
		}
		return dataType;
	}

	@Override
	public int getMessageType() {
		return MESSAGE_TYPE;
	}

	@Override
	public ByteBuffer toBuffer() {
		return getDataType().toBuffer();
	}
}
