package org.ronchi.hdf5.writer;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.model.DType;

/**
 * An element type as stored in the file, always little-endian when written. Numeric types come from
 * {@link #of(DType)}; strings, references and records are built here. Reading describes a file's types
 * with it too ({@link org.ronchi.hdf5.Hdf5Dataset#type()}, byte order apart), so a type read is written
 * back unchanged. Each kind is one class of the
 * HDF5 datatype message (File Format Specification IV.A.2.d); {@link DatatypeMessage} encodes them.
 */
public sealed interface Datatype {

	/** @return bytes per element in the file */
	int size();

	/** Integer of 1, 2, 4 or 8 bytes (class 0). */
	record FixedPoint(int size, boolean signed) implements Datatype {
		public FixedPoint {
			if (size != 1 && size != 2 && size != 4 && size != 8) {
				throw new IllegalArgumentException("unsupported integer size: " + size);
			}
		}
	}

	/** IEEE float of 4 or 8 bytes (class 1). */
	record FloatingPoint(int size) implements Datatype {
		public FloatingPoint {
			if (size != 4 && size != 8) {
				throw new IllegalArgumentException("unsupported float size: " + size);
			}
		}
	}

	/** Fixed-length string, NUL-padded (class 3); h5py reads it as {@code bytes}. */
	record FixedString(int size, boolean utf8) implements Datatype {
		public FixedString {
			if (size < 1) {
				throw new IllegalArgumentException("string size must be at least 1: " + size);
			}
		}
	}

	/** Variable-length UTF-8 string kept in the global heap (class 9); h5py reads it as {@code str}. */
	record VlenString() implements Datatype {
		@Override
		public int size() {
			return 16; // length, heap collection address, object index
		}
	}

	/**
	 * Variable-length sequence of a fixed-size base type (class 9, type 0), e.g. the point lists of an
	 * EMD PointListArray; h5py reads each element as a 1-D array of the base type. The items are kept in
	 * the global heap like the bytes of {@link VlenString}; build values with {@link Value#sequences}.
	 */
	record VlenSequence(Datatype base) implements Datatype {
		public VlenSequence {
			if (!isFixed(base)) {
				throw new IllegalArgumentException("a sequence needs a fixed-size base type, not " + base);
			}
		}

		@Override
		public int size() {
			return 16; // element count, heap collection address, object index
		}
	}

	/** Object reference (class 7): the 8-byte address of an object header. */
	record ObjectReference() implements Datatype {
		@Override
		public int size() {
			return 8;
		}
	}

	/** Named integer values (class 8). */
	record Enumerated(FixedPoint base, List<String> names, List<Long> values) implements Datatype {
		public Enumerated {
			names = List.copyOf(names);
			values = List.copyOf(values);
			if (names.size() != values.size() || names.isEmpty()) {
				throw new IllegalArgumentException("an enum needs as many values as names, at least one");
			}
		}

		@Override
		public int size() {
			return base.size();
		}
	}

	/** One named field of a {@link Compound}, at a byte offset inside the record. */
	record Member(String name, int offset, Datatype type) {
	}

	/** A record of named fields (class 6). Fields must be fixed-size: no strings in the heap, no references. */
	record Compound(int size, List<Member> members) implements Datatype {
		public Compound {
			members = List.copyOf(members);
			if (members.isEmpty()) {
				throw new IllegalArgumentException("a compound type needs at least one member");
			}
			for (Member m : members) {
				if (!isFixed(m.type())) {
					throw new IllegalArgumentException("compound member " + m.name() + ": " + m.type() + " is not supported inside records");
				}
				if (m.offset() < 0 || m.offset() + m.type().size() > size) {
					throw new IllegalArgumentException("compound member " + m.name() + " lies outside the record of " + size + " bytes");
				}
			}
		}
	}

	Datatype VLEN_STRING = new VlenString();
	Datatype OBJECT_REFERENCE = new ObjectReference();
	/** The enum h5py writes for numpy {@code bool}: int8 with FALSE = 0 and TRUE = 1. */
	Datatype BOOL = new Enumerated(new FixedPoint(1, true), List.of("FALSE", "TRUE"), List.of(0L, 1L));

	/**
	 * @return the file type for a core dtype: bool as h5py's enum, complex as h5py's compound
	 *         {r, i}, RGB(A) types as compounds of their unsigned channels R, G, B (A) as numpy's records, STRING as a variable-length string
	 */
	static Datatype of(DType t) {
		return switch (t) {
		case BOOL -> BOOL;
		case INT8, INT16, INT32, INT64 -> new FixedPoint(t.itemSize(), true);
		case UINT8, UINT16, UINT32, UINT64 -> new FixedPoint(t.itemSize(), false);
		case FLOAT32, FLOAT64 -> new FloatingPoint(t.itemSize());
		case COMPLEX64, COMPLEX128 -> packed(List.of("r", "i"),
				List.of(new FloatingPoint(t.itemSize() / 2), new FloatingPoint(t.itemSize() / 2)));
		case RGBA8, RGB8, RGBA16, RGB16 -> {
			FixedPoint channel = new FixedPoint(t.itemSize() / t.channels(), false);
			List<String> names = t.channels() == 4 ? List.of("R", "G", "B", "A") : List.of("R", "G", "B");
			yield packed(names, java.util.Collections.nCopies(t.channels(), channel));
		}
		case STRING -> VLEN_STRING;
		case OTHER -> throw new IllegalArgumentException("dtype OTHER has no HDF5 type; describe it with Datatype");
		};
	}

	/** @return true for types whose bytes are known when written: no heap descriptors, no references */
	static boolean isFixed(Datatype t) {
		return !(t instanceof VlenString || t instanceof VlenSequence || t instanceof ObjectReference);
	}

	/** @return a record whose fields follow each other without padding, in the given order */
	static Compound packed(List<String> names, List<? extends Datatype> types) {
		if (names.size() != types.size()) {
			throw new IllegalArgumentException(names.size() + " names for " + types.size() + " types");
		}
		List<Member> members = new ArrayList<>();
		int offset = 0;
		for (int i = 0; i < names.size(); i++) {
			members.add(new Member(names.get(i), offset, types.get(i)));
			offset += types.get(i).size();
		}
		return new Compound(offset, members);
	}
}
