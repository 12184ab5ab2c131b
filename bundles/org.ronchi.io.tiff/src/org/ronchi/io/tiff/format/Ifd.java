package org.ronchi.io.tiff.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronchi.core.io.FileBytes;
import org.ronchi.io.tiff.TiffException;

/**
 * One image file directory (TIFF 6.0 section 2, "Image File Directory"): its entries by tag, in file order,
 * and the offset of the next IFD. Values are read from the file on request, each read checked against the
 * file length first, so that an IFD with a forged count costs nothing until it is used and then fails with
 * a {@link TiffException} naming the tag.
 */
public final class Ifd {
	/** More values than this in one tag (512 MB as longs) is a forged count, not an image. */
	private static final long MAX_VALUES = 1L << 26;

	private final FileBytes ch;
	private final ByteOrder order;
	private final long offset;
	private final int index;
	private final Map<Integer, IfdEntry> entries;
	private final long next;
	private final List<String> skipped;

	private Ifd(FileBytes ch, ByteOrder order, long offset, int index, Map<Integer, IfdEntry> entries, long next, List<String> skipped) {
		this.ch = ch;
		this.order = order;
		this.offset = offset;
		this.index = index;
		this.entries = entries;
		this.next = next;
		this.skipped = skipped;
	}

	/**
	 * Reads the IFD at {@code offset}.
	 *
	 * @param order the file's byte order
	 * @param index the page number, for messages
	 */
	public static Ifd read(FileBytes ch, ByteOrder order, boolean big, long offset, int index) {
		String where = "IFD " + index;
		int countSize = big ? 8 : 2;
		int entrySize = big ? 20 : 12;
		int offsetSize = big ? 8 : 4;
		ByteBuffer head = ch.read(where, offset, countSize).order(order);
		long n = big ? head.getLong() : head.getShort() & 0xffff;
		if (n <= 0 || n > (ch.size() - offset) / entrySize) {
			throw TiffException.at(ch.path(), where, offset, "entry count " + n + " does not fit in the file");
		}
		ByteBuffer b = ch.read(where, offset + countSize, n * entrySize).order(order);
		Map<Integer, IfdEntry> entries = new LinkedHashMap<>();
		List<String> skipped = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long at = offset + countSize + (long) i * entrySize;
			int tag = b.getShort() & 0xffff;
			int typeCode = b.getShort() & 0xffff;
			long count = big ? b.getLong() : b.getInt() & 0xffffffffL;
			byte[] field = new byte[offsetSize];
			b.get(field);
			FieldType type = FieldType.of(typeCode);
			if (type == null) {
				skipped.add("tag " + tag + " has unknown field type " + typeCode + "; skipped");
				continue;
			}
			ByteBuffer fb = ByteBuffer.wrap(field).order(order);
			long valueOffset = big ? fb.getLong() : fb.getInt() & 0xffffffffL;
			entries.putIfAbsent(tag, new IfdEntry(tag, type, count, at, field, valueOffset));
		}
		long nextOffset = 0;
		long nextAt = offset + countSize + n * entrySize;
		if (ch.contains(nextAt, offsetSize)) {
			ByteBuffer nb = ch.read(where, nextAt, offsetSize).order(order);
			nextOffset = big ? nb.getLong() : nb.getInt() & 0xffffffffL;
		}
		return new Ifd(ch, order, offset, index, Collections.unmodifiableMap(entries), nextOffset, skipped);
	}

	/**
	 * Reads the chain of IFDs from the header's first one, stopping at offset 0, at a loop, or at an offset
	 * outside the file (the latter reported in {@code warnings}: a truncated chain keeps the pages before it).
	 */
	public static List<Ifd> readChain(FileBytes ch, TiffHeader header, List<String> warnings) {
		List<Ifd> out = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		long at = header.firstIfd();
		if (at == 0) {
			throw TiffException.at(ch.path(), "TIFF header", header.big() ? 8 : 4, "no image: the first IFD offset is 0");
		}
		while (at != 0) {
			if (!seen.add(at)) {
				warnings.add("IFD chain loops back to offset 0x" + Long.toHexString(at) + "; stopped after " + out.size() + " pages");
				break;
			}
			if (!out.isEmpty() && (at < 0 || at >= ch.size())) {
				warnings.add("IFD " + out.size() + " offset 0x" + Long.toHexString(at) + " lies outside the file; stopped after "
						+ out.size() + " pages");
				break;
			}
			Ifd ifd;
			try {
				ifd = read(ch, header.order(), header.big(), at, out.size());
			} catch (TiffException e) {
				if (out.isEmpty()) {
					throw e;
				}
				warnings.add(e.problem() + " (" + e.where() + "); stopped after " + out.size() + " pages");
				break;
			}
			out.add(ifd);
			warnings.addAll(ifd.skipped);
			at = ifd.next;
		}
		return out;
	}

	/** @return the file, read through positional reads */
	public FileBytes file() {
		return ch;
	}

	/** @return the file's byte order */
	public ByteOrder order() {
		return order;
	}

	public long offset() {
		return offset;
	}

	/** @return the page number (position in the IFD chain) */
	public int index() {
		return index;
	}

	public Map<Integer, IfdEntry> entries() {
		return entries;
	}

	public boolean has(int tag) {
		return entries.containsKey(tag);
	}

	public IfdEntry entry(int tag) {
		return entries.get(tag);
	}

	/** @return the value's bytes in the file's byte order */
	public ByteBuffer bytes(IfdEntry e) {
		long n = e.byteCount();
		String where = "IFD " + index + " tag " + e.tag();
		if (n < 0 || n > ch.size()) {
			throw TiffException.at(ch.path(), where, e.entryOffset(), "value count " + e.count() + " exceeds the file size");
		}
		if (e.isInline()) {
			return ByteBuffer.wrap(e.inline(), 0, (int) n).slice().order(order);
		}
		return ch.read(where, e.valueOffset(), n).order(order);
	}

	/** @return the integer values of an integer-typed entry (signed types sign-extended) */
	public long[] longs(IfdEntry e) {
		if (!e.type().isInteger()) {
			throw TiffException.at(ch.path(), "IFD " + index + " tag " + e.tag(), e.entryOffset(),
					"expected an integer type, found " + e.type());
		}
		if (e.count() > MAX_VALUES) {
			throw TiffException.at(ch.path(), where(e.tag()), e.entryOffset(), "unsupported: " + e.count() + " values");
		}
		ByteBuffer b = bytes(e);
		long[] out = new long[(int) e.count()];
		for (int i = 0; i < out.length; i++) {
			out[i] = switch (e.type()) {
			case BYTE, UNDEFINED -> b.get() & 0xff;
			case SBYTE -> b.get();
			case SHORT -> b.getShort() & 0xffff;
			case SSHORT -> b.getShort();
			case LONG, IFD -> b.getInt() & 0xffffffffL;
			case SLONG -> b.getInt();
			case LONG8, SLONG8, IFD8 -> b.getLong();
			default -> throw new IllegalStateException("unreachable: " + e.type());
			};
		}
		return out;
	}

	/** @return any numeric entry as doubles (rationals divided out; a zero denominator gives NaN) */
	public double[] doubles(IfdEntry e) {
		if (e.type().isInteger()) {
			long[] l = longs(e);
			double[] d = new double[l.length];
			for (int i = 0; i < l.length; i++) {
				// LONG8 is unsigned: values past 2^63 arrive negative
				d[i] = e.type() == FieldType.LONG8 && l[i] < 0 ? Double.parseDouble(Long.toUnsignedString(l[i])) : l[i];
			}
			return d;
		}
		if (e.count() > MAX_VALUES) {
			throw TiffException.at(ch.path(), where(e.tag()), e.entryOffset(), "unsupported: " + e.count() + " values");
		}
		ByteBuffer b = bytes(e);
		double[] out = new double[(int) e.count()];
		for (int i = 0; i < out.length; i++) {
			out[i] = switch (e.type()) {
			case RATIONAL -> ratio(b.getInt() & 0xffffffffL, b.getInt() & 0xffffffffL);
			case SRATIONAL -> ratio(b.getInt(), b.getInt());
			case FLOAT -> b.getFloat();
			case DOUBLE -> b.getDouble();
			default -> Double.NaN; // ASCII: not a number
			};
		}
		return out;
	}

	private static double ratio(long num, long den) {
		return den == 0 ? Double.NaN : (double) num / den;
	}

	/** @return an ASCII entry's text without trailing NULs, decoded as UTF-8 if valid, else Latin-1 */
	public String ascii(IfdEntry e) {
		ByteBuffer b = bytes(e);
		byte[] a = new byte[b.remaining()];
		b.get(a);
		int n = a.length;
		while (n > 0 && a[n - 1] == 0) {
			n--;
		}
		return Text.decode(a, 0, n);
	}

	/** @return the first value of a numeric tag, or {@code dflt} if absent */
	public long scalar(int tag, long dflt) {
		IfdEntry e = entries.get(tag);
		if (e == null || e.count() < 1) {
			return dflt;
		}
		if (e.type().isInteger()) {
			ByteBuffer b = bytes(new IfdEntry(e.tag(), e.type(), 1, e.entryOffset(), e.inline(), e.valueOffset()));
			return switch (e.type()) {
			case BYTE, UNDEFINED -> b.get() & 0xff;
			case SBYTE -> b.get();
			case SHORT -> b.getShort() & 0xffff;
			case SSHORT -> b.getShort();
			case LONG, IFD -> b.getInt() & 0xffffffffL;
			case SLONG -> b.getInt();
			default -> b.getLong();
			};
		}
		double d = doubles(e)[0];
		return Double.isNaN(d) ? dflt : (long) d;
	}

	/** @return the values of an integer tag, or null if absent */
	public long[] longs(int tag) {
		IfdEntry e = entries.get(tag);
		return e == null ? null : longs(e);
	}

	/** @return the text of an ASCII tag, or null if absent or not ASCII */
	public String ascii(int tag) {
		IfdEntry e = entries.get(tag);
		return e == null || e.type() != FieldType.ASCII ? null : ascii(e);
	}

	/** @return the raw bytes of a tag's value, or null if absent */
	public byte[] raw(int tag) {
		IfdEntry e = entries.get(tag);
		if (e == null) {
			return null;
		}
		ByteBuffer b = bytes(e);
		byte[] a = new byte[b.remaining()];
		b.get(a);
		return a;
	}

	/** @return the first value of a rational or other numeric tag, or NaN if absent */
	public double real(int tag) {
		IfdEntry e = entries.get(tag);
		if (e == null || e.count() < 1 || e.type() == FieldType.ASCII) {
			return Double.NaN;
		}
		return doubles(e)[0];
	}

	/** @return a structure name for messages: "IFD 3 tag 273" */
	public String where(int tag) {
		return "IFD " + index + " tag " + tag;
	}
}
