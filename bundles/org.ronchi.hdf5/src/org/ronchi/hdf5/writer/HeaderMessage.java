package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;

/**
 * One message of an object header (File Format Specification IV.A.1.a): a type code and its
 * encoded body. {@link ObjectHeader} adds the message header and the padding to 8 bytes.
 */
interface HeaderMessage {
	/** @return the message type code, e.g. 0x0001 for the dataspace */
	int type();

	/** @return the body size in bytes, before padding */
	int size();

	/** Writes exactly {@link #size()} bytes. */
	void encode(ByteBuffer out);

	/** @return the message flags: bit 0 marks a constant message */
	default int flags() {
		return 0;
	}
}
