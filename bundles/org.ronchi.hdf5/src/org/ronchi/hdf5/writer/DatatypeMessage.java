package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.ronchi.hdf5.writer.Datatype.Compound;
import org.ronchi.hdf5.writer.Datatype.Enumerated;
import org.ronchi.hdf5.writer.Datatype.FixedPoint;
import org.ronchi.hdf5.writer.Datatype.FixedString;
import org.ronchi.hdf5.writer.Datatype.FloatingPoint;
import org.ronchi.hdf5.writer.Datatype.Member;
import org.ronchi.hdf5.writer.Datatype.ObjectReference;
import org.ronchi.hdf5.writer.Datatype.VlenSequence;
import org.ronchi.hdf5.writer.Datatype.VlenString;

/**
 * The datatype message (type 0x0003, File Format Specification IV.A.2.d), version 1 as libhdf5 writes
 * by default: 8 bytes of class, bit field and size, then the class's properties. Also embedded in
 * attribute messages and nested in enums, compounds and variable-length types.
 */
final class DatatypeMessage implements HeaderMessage {
	private static final int VERSION = 1;
	private final Datatype type;

	DatatypeMessage(Datatype type) {
		this.type = type;
	}

	@Override
	public int type() {
		return 0x0003;
	}

	@Override
	public int flags() {
		return 0x01; // constant: the type of a dataset never changes
	}

	@Override
	public int size() {
		return size(type);
	}

	@Override
	public void encode(ByteBuffer out) {
		encode(type, out);
	}

	static int size(Datatype t) {
		// the switch is assigned before the addition: ECJ (Tycho's compiler) emits unverifiable bytecode
		// for a switch expression with loops evaluated on a non-empty operand stack ("8 + switch ...")
		int properties = switch (t) {
		case FixedPoint f -> 4;
		case FloatingPoint f -> 12;
		case FixedString s -> 0;
		case VlenString v -> size(VLEN_BASE);
		case VlenSequence q -> size(q.base());
		case ObjectReference r -> 0;
		case Enumerated e -> {
			int n = size(e.base()) + e.names().size() * e.base().size();
			for (String name : e.names()) {
				n += paddedNameSize(name);
			}
			yield n;
		}
		case Compound c -> {
			int n = 0;
			for (Member m : c.members()) {
				n += paddedNameSize(m.name()) + 32 + size(m.type());
			}
			yield n;
		}
		};
		return 8 + properties;
	}

	/** The base of a variable-length string, as libhdf5 writes it: an unsigned byte. */
	private static final FixedPoint VLEN_BASE = new FixedPoint(1, false);

	static void encode(Datatype t, ByteBuffer out) {
		switch (t) {
		case FixedPoint f -> {
			header(out, 0, f.signed() ? 0x08 : 0, 0, f.size());
			out.putShort((short) 0).putShort((short) (8 * f.size())); // bit offset, precision
		}
		case FloatingPoint f -> {
			// IEEE 754 binary16/32/64: exponent bits, mantissa bits and bias by size
			int exponent = f.size() == 2 ? 5 : f.size() == 4 ? 8 : 11;
			int mantissa = 8 * f.size() - 1 - exponent;
			// mantissa normalisation "implied MSB" (2 << 4); sign bit position in the second byte
			header(out, 1, 0x20, 8 * f.size() - 1, f.size());
			out.putShort((short) 0).putShort((short) (8 * f.size()));
			out.put((byte) mantissa).put((byte) exponent); // exponent location, size
			out.put((byte) 0).put((byte) mantissa); // mantissa location, size
			out.putInt((1 << (exponent - 1)) - 1);
		}
		case FixedString s -> header(out, 3, 1 | (s.utf8() ? 1 << 4 : 0), 0, s.size()); // NUL-padded
		case VlenString v -> {
			header(out, 9, 1, 1, v.size()); // sequence type "string", NUL-terminated; charset UTF-8
			encode(VLEN_BASE, out);
		}
		case VlenSequence q -> {
			header(out, 9, 0, 0, q.size()); // sequence type "sequence"; padding and charset unused
			encode(q.base(), out);
		}
		case ObjectReference r -> header(out, 7, 0, 0, r.size()); // type 0: object reference
		case Enumerated e -> {
			int n = e.names().size();
			header(out, 8, n & 0xff, n >>> 8, e.size());
			encode(e.base(), out);
			for (String name : e.names()) {
				putPaddedName(out, name);
			}
			for (long v : e.values()) {
				putInteger(out, v, e.base().size());
			}
		}
		case Compound c -> {
			int n = c.members().size();
			header(out, 6, n & 0xff, n >>> 8, c.size());
			for (Member m : c.members()) {
				putPaddedName(out, m.name());
				out.putInt(m.offset());
				// dimensionality 0, reserved, permutation, reserved, four dimension sizes: all unused
				Block.pad(out, 28);
				encode(m.type(), out);
			}
		}
		}
	}

	private static void header(ByteBuffer out, int typeClass, int bits0, int bits8, int size) {
		out.put((byte) (VERSION << 4 | typeClass)).put((byte) bits0).put((byte) bits8).put((byte) 0);
		out.putInt(size);
	}

	private static int paddedNameSize(String name) {
		return Block.align8(name.getBytes(StandardCharsets.UTF_8).length + 1);
	}

	private static void putPaddedName(ByteBuffer out, String name) {
		byte[] b = name.getBytes(StandardCharsets.UTF_8);
		out.put(b);
		Block.pad(out, Block.align8(b.length + 1) - b.length);
	}

	private static void putInteger(ByteBuffer out, long v, int bytes) {
		for (int i = 0; i < bytes; i++) {
			out.put((byte) (v >>> (8 * i)));
		}
	}
}
