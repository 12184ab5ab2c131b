/*
 * This file is part of jHDF. A pure Java library for accessing HDF5 files.
 *
 * https://jhdf.io
 *
 * Copyright (c) 2026 James Mudd
 *
 * MIT License see 'LICENSE' file
 *
 * Patched copy for Ronchi (see org.ronchi.hdf5 package-info): jHDF 0.13.0 parses an attribute's datatype
 * and dataspace while it parses the object header that carries it, and one it cannot parse (a datatype
 * class it does not know, a damaged dataspace) throws out of the whole header: the object, and with it
 * every sibling in its group, becomes unreadable. This copy keeps the attribute's name and remembers why
 * the rest could not be parsed; asking it for its datatype, dataspace or data then throws that reason, so
 * the attribute alone is unreadable. Messages it parses are as upstream. Shadowed ahead of the embedded
 * jhdf jar by Bundle-ClassPath order.
 */
package io.jhdf.object.message;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;

import io.jhdf.BufferBuilder;
import io.jhdf.ObjectHeader;
import io.jhdf.Utils;
import io.jhdf.api.Attribute;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.UnsupportedHdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.storage.HdfBackingStorage;

/**
 * The attribute message (type 0x000C, File Format Specification IV.A.2.m): an attribute's name,
 * datatype, dataspace and data.
 */
public class AttributeMessage extends Message {
	public static final int MESSAGE_TYPE = 12;

	private static final int DATA_TYPE_SHARED = 0;
	private static final int DATA_SPACE_SHARED = 1;

	private final byte version;
	private final String name;
	private final DataType dataType;
	private final DataSpace dataSpace;
	private final ByteBuffer data;
	/** Why the datatype, dataspace or data could not be parsed; null when they were. */
	private final String unreadable;

	public AttributeMessage(ByteBuffer bb, HdfBackingStorage hdfBackingStorage, BitSet messageFlags) {
		super(messageFlags);
		version = bb.get();
		final BitSet flags;
		if (version == 1) {
			bb.position(bb.position() + 1); // reserved
			flags = BitSet.valueOf(new byte[0]);
		} else {
			flags = BitSet.valueOf(new byte[] { bb.get() });
		}
		final int nameSize = Utils.readBytesAsUnsignedInt(bb, 2);
		final int dataTypeSize = Utils.readBytesAsUnsignedInt(bb, 2);
		final int dataSpaceSize = Utils.readBytesAsUnsignedInt(bb, 2);
		switch (version) {
		case 1:
			name = Utils.readUntilNull(Utils.createSubBuffer(bb, nameSize));
			Utils.seekBufferToNextMultipleOfEight(bb);
			break;
		case 2:
			name = Utils.readUntilNull(Utils.createSubBuffer(bb, nameSize));
			break;
		case 3:
			final byte encoding = bb.get();
			final Charset charset;
			if (encoding == 0) {
				charset = StandardCharsets.US_ASCII;
			} else if (encoding == 1) {
				charset = StandardCharsets.UTF_8;
			} else {
				throw new UnsupportedHdfException("Unsupported attribute name character set " + encoding);
			}
			name = charset.decode(Utils.createSubBuffer(bb, nameSize)).toString().trim();
			break;
		default:
			throw new UnsupportedHdfException("Unsupported attribute message version " + version);
		}

		DataType type = null;
		DataSpace space = null;
		ByteBuffer bytes = null;
		String reason = null;
		try {
			if (version == 1) {
				type = DataType.readDataType(Utils.createSubBuffer(bb, dataTypeSize));
				Utils.seekBufferToNextMultipleOfEight(bb);
				space = DataSpace.readDataSpace(Utils.createSubBuffer(bb, dataSpaceSize), hdfBackingStorage.getSuperblock());
				Utils.seekBufferToNextMultipleOfEight(bb);
			} else {
				if (flags.get(DATA_TYPE_SHARED)) {
					type = readSharedMessage(Utils.createSubBuffer(bb, dataTypeSize), hdfBackingStorage, DataTypeMessage.class).getDataType();
				} else {
					type = DataType.readDataType(Utils.createSubBuffer(bb, dataTypeSize));
				}
				if (flags.get(DATA_SPACE_SHARED)) {
					space = readSharedMessage(Utils.createSubBuffer(bb, dataSpaceSize), hdfBackingStorage, DataSpaceMessage.class).getDataSpace();
				} else {
					space = DataSpace.readDataSpace(Utils.createSubBuffer(bb, dataSpaceSize), hdfBackingStorage.getSuperblock());
				}
			}
			long dataSize = space.getTotalLength() * type.getSize();
			if (dataSize < 0 || dataSize > bb.remaining()) {
				throw new HdfException("its " + space.getTotalLength() + " elements of " + type.getSize()
						+ " bytes do not fit the " + bb.remaining() + " bytes stored");
			}
			bytes = dataSize == 0 ? null : Utils.createSubBuffer(bb, (int) dataSize);
		} catch (RuntimeException e) {
			type = null;
			space = null;
			bytes = null;
			reason = e.getMessage() != null ? e.getMessage() : "damaged datatype or dataspace";
		}
		dataType = type;
		dataSpace = space;
		data = bytes;
		unreadable = reason;
	}

	private <T extends Message> T readSharedMessage(ByteBuffer bb, HdfBackingStorage hdfBackingStorage, Class<T> messageType) {
		SharedMessage sharedMessage = new SharedMessage(bb, hdfBackingStorage.getSuperblock());
		ObjectHeader header = ObjectHeader.readObjectHeader(hdfBackingStorage, sharedMessage.getObjectHeaderAddress());
		return header.getMessageOfType(messageType);
	}

	private void checkReadable() {
		if (unreadable != null) {
			throw new HdfException(unreadable);
		}
	}

	public int getVersion() {
		return version;
	}

	public String getName() {
		return name;
	}

	/** @throws HdfException with the reason when the datatype could not be parsed */
	public DataType getDataType() {
		checkReadable();
		return dataType;
	}

	/** @throws HdfException with the reason when the dataspace could not be parsed */
	public DataSpace getDataSpace() {
		checkReadable();
		return dataSpace;
	}

	public ByteBuffer getDataBuffer() {
		checkReadable();
		if (data == null) {
			return null;
		}
		return data.slice().order(data.order());
	}

	@Override
	public String toString() {
		return "AttributeMessage [name=" + name + ", dataType=" + dataType + ", dataSpace=" + dataSpace
				+ (unreadable == null ? "" : ", unreadable=" + unreadable) + "]";
	}

	@Override
	public int getMessageType() {
		return MESSAGE_TYPE;
	}

	public static AttributeMessage create(String name, Attribute attribute) {
		return new AttributeMessage(name, attribute.getDataSpace(), attribute.getDataType(), attribute.getData());
	}

	private AttributeMessage(String name, DataSpace dataSpace, DataType dataType, Object data) {
		this.name = name;
		this.version = 3;
		this.dataSpace = dataSpace;
		this.dataType = dataType;
		this.data = dataType.encodeData(data);
		this.unreadable = null;
	}

	@Override
	public ByteBuffer toBuffer() {
		checkReadable();
		byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
		ByteBuffer dataTypeBuffer = dataType.toBuffer();
		ByteBuffer dataSpaceBuffer = dataSpace.toBuffer();
		return new BufferBuilder()
				.writeByte(3) // version
				.writeByte(0) // flags
				.writeShort(nameBytes.length + 1) // name size, NUL included
				.writeShort(dataTypeBuffer.capacity())
				.writeShort(dataSpaceBuffer.capacity())
				.writeByte(1) // name character set: UTF-8
				.writeBytes(nameBytes)
				.writeByte(0)
				.writeBuffer(dataTypeBuffer)
				.writeBuffer(dataSpaceBuffer)
				.writeBuffer(data)
				.build();
	}
}
