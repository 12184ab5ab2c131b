package org.ronchi.io.dm.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Writes DM3/DM4 files for tests from a tag tree built in code, in either byte order. A value may be a
 * hole: its bytes are not written, so a multi-GB image costs no disk (a sparse file). The layout is the
 * one {@code org.ronchi.io.dm.tags} reads; header size and trailing zeros are as DM writes them.
 */
final class DmWriter {
	/** A tag: a group or a value. */
	sealed interface Tag permits Group, Value {
		String name();
	}

	record Group(String name, List<Tag> tags) implements Tag {
	}

	/** A data tag: its info array, the bytes of its value in a byte order, or a hole of that many bytes. */
	record Value(String name, long[] info, Function<ByteOrder, byte[]> payload, long hole) implements Tag {
		long length(ByteOrder o) {
			return payload == null ? hole : payload.apply(o).length;
		}
	}

	private DmWriter() {
	}

	static Group group(String name, Tag... tags) {
		return new Group(name, new ArrayList<>(Arrays.asList(tags)));
	}

	/** A tag list: the entries' names are dropped. */
	static Group list(String name, Tag... tags) {
		List<Tag> unnamed = new ArrayList<>();
		for (Tag t : tags) {
			unnamed.add(t instanceof Group g ? new Group("", g.tags()) : new Value("", ((Value) t).info(), ((Value) t).payload(), ((Value) t).hole()));
		}
		return new Group(name, unnamed);
	}

	static Value raw(String name, long[] info, BiConsumer<ByteBuffer, Integer> fill, int bytes) {
		return new Value(name, info, o -> {
			ByteBuffer b = ByteBuffer.allocate(bytes).order(o);
			fill.accept(b, bytes);
			return b.array();
		}, 0);
	}

	static Value i32(String name, int v) {
		return raw(name, new long[] { 3 }, (b, n) -> b.putInt(v), 4);
	}

	static Value u32(String name, long v) {
		return raw(name, new long[] { 5 }, (b, n) -> b.putInt((int) v), 4);
	}

	static Value f32(String name, float v) {
		return raw(name, new long[] { 6 }, (b, n) -> b.putFloat(v), 4);
	}

	static Value f64(String name, double v) {
		return raw(name, new long[] { 7 }, (b, n) -> b.putDouble(v), 8);
	}

	static Value bool(String name, boolean v) {
		return raw(name, new long[] { 8 }, (b, n) -> b.put((byte) (v ? 1 : 0)), 1);
	}

	/** Text as DM writes it: an array of UTF-16 code units. */
	static Value text(String name, String s) {
		return raw(name, new long[] { 20, 4, s.length() }, (b, n) -> {
			for (char c : s.toCharArray()) {
				b.putChar(c);
			}
		}, 2 * s.length());
	}

	/** An array of count elements of a simple type, filled by fill(buffer, index). */
	static Value array(String name, int code, int size, long count, BiConsumer<ByteBuffer, Integer> fill) {
		return raw(name, new long[] { 20, code, count }, (b, n) -> {
			for (int i = 0; i < count; i++) {
				fill.accept(b, i);
			}
		}, (int) (size * count));
	}

	/** An array of count structs of fields of one simple type (complex numbers: two floats). */
	static Value structArray(String name, int fieldCode, int fields, int fieldSize, long count, BiConsumer<ByteBuffer, Integer> fill) {
		long[] info = new long[5 + 2 * fields];
		info[0] = 20;
		info[1] = 15;
		info[2] = 0;
		info[3] = fields;
		for (int i = 0; i < fields; i++) {
			info[4 + 2 * i] = 0;
			info[5 + 2 * i] = fieldCode;
		}
		info[info.length - 1] = count;
		return raw(name, info, (b, n) -> {
			for (int i = 0; i < count; i++) {
				fill.accept(b, i);
			}
		}, (int) (fields * fieldSize * count));
	}

	/** An array whose bytes are not written (a hole in a sparse file). */
	static Value hole(String name, long[] info, long bytes) {
		return new Value(name, info, null, bytes);
	}

	/**
	 * One ImageList entry.
	 *
	 * @param dims DM order (x first)
	 * @param cal per DM dimension {origin, scale}, or null for none
	 * @param units per DM dimension, or null
	 */
	static Group image(String name, int dataType, long[] dims, double[][] cal, String[] units, Value data, Tag... imageTags) {
		List<Tag> dimCal = new ArrayList<>();
		for (int i = 0; cal != null && i < cal.length; i++) {
			dimCal.add(group("", f32("Origin", (float) cal[i][0]), f32("Scale", (float) cal[i][1]),
					text("Units", units == null ? "" : units[i])));
		}
		List<Tag> dimList = new ArrayList<>();
		for (long d : dims) {
			dimList.add(u32("", d));
		}
		Group calibrations = group("Calibrations", group("Brightness", f32("Origin", 0), f32("Scale", 1), text("Units", "")),
				list("Dimension", dimCal.toArray(Tag[]::new)), bool("DisplayCalibratedUnits", true));
		Group imageData = group("ImageData", calibrations, new Value("Data", data.info(), data.payload(), data.hole()),
				u32("DataType", dataType), list("Dimensions", dimList.toArray(Tag[]::new)), u32("PixelDepth", 4));
		return group("", imageData, group("ImageTags", imageTags), text("Name", name));
	}

	static void write(Path out, int version, ByteOrder order, Group root) throws IOException {
		try (FileChannel ch = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
				StandardOpenOption.WRITE)) {
			Out w = new Out(ch, version == 4, order);
			w.pos = version == 4 ? 16 : 12;
			w.groupBody(root);
			w.put(new byte[8]);
			long length = w.pos;
			ByteBuffer h = ByteBuffer.allocate(version == 4 ? 16 : 12);
			h.putInt(version);
			if (version == 4) {
				h.putLong(length - 24);
			} else {
				h.putInt((int) (length - 16));
			}
			h.putInt(order == ByteOrder.LITTLE_ENDIAN ? 1 : 0);
			ch.write(h.flip(), 0);
		}
	}

	private static final class Out {
		final FileChannel ch;
		final boolean dm4;
		final ByteOrder order;
		long pos;

		Out(FileChannel ch, boolean dm4, ByteOrder order) {
			this.ch = ch;
			this.dm4 = dm4;
			this.order = order;
		}

		void groupBody(Group g) throws IOException {
			put(new byte[] { 0, 1 });
			count(g.tags().size());
			for (Tag t : g.tags()) {
				byte[] name = t.name().getBytes(StandardCharsets.ISO_8859_1);
				ByteBuffer h = ByteBuffer.allocate(3 + name.length);
				h.put((byte) (t instanceof Group ? 20 : 21)).putShort((short) name.length).put(name);
				put(h.array());
				if (dm4) {
					ByteBuffer s = ByteBuffer.allocate(8).putLong(contentSize(t));
					put(s.array());
				}
				if (t instanceof Group sub) {
					groupBody(sub);
				} else {
					Value v = (Value) t;
					put("%%%%".getBytes(StandardCharsets.ISO_8859_1));
					count(v.info().length);
					for (long i : v.info()) {
						count(i);
					}
					if (v.payload() == null) {
						pos += v.hole();
					} else {
						put(v.payload().apply(order));
					}
				}
			}
		}

		long contentSize(Tag t) {
			int w = dm4 ? 8 : 4;
			if (t instanceof Value v) {
				return 4 + w + (long) w * v.info().length + v.length(order);
			}
			long n = 2 + w;
			for (Tag c : ((Group) t).tags()) {
				n += 3 + c.name().getBytes(StandardCharsets.ISO_8859_1).length + (dm4 ? 8 : 0) + contentSize(c);
			}
			return n;
		}

		void count(long v) throws IOException {
			ByteBuffer b = ByteBuffer.allocate(dm4 ? 8 : 4);
			if (dm4) {
				b.putLong(v);
			} else {
				b.putInt((int) v);
			}
			put(b.array());
		}

		void put(byte[] bytes) throws IOException {
			ByteBuffer b = ByteBuffer.wrap(bytes);
			while (b.hasRemaining()) {
				pos += ch.write(b, pos);
			}
		}
	}
}
