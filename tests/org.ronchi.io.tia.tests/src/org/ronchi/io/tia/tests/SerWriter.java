package org.ronchi.io.tia.tests;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small synthetic SER files laid out as TIA lays them out (header, dimension array, offset
 * arrays, then each data element followed by its tag), for the features no real sample covers: 64-bit
 * offsets (version 0x0220), maps of images, series stopped early, every value type.
 */
final class SerWriter {
	record Dim(int size, double offset, double delta, int element, String description, String units) {
	}

	/** Value of element e at flat index i (row-major in TIA's on-disk order, bottom row first). */
	interface Values {
		double at(int e, int i);
	}

	int version = 0x0220;
	boolean spectra = true;
	int tagType = 0x4142;
	int total;
	int valid;
	List<Dim> dims = new ArrayList<>();
	int dataType = 7;
	int sizeX;
	int sizeY = 1;
	double[] calX = { 0, 1, 0 };
	double[] calY = { 0, 1, 0 };
	long baseTime = 1_456_073_586L;
	Values values = (e, i) -> e * 1000 + i;

	SerWriter dim(int size, double offset, double delta, int element, String description, String units) {
		dims.add(new Dim(size, offset, delta, element, description, units));
		return this;
	}

	byte[] build() {
		int word = version == 0x0210 ? 4 : 8;
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		ByteBuffer h = le(34);
		h.putShort((short) 0x4949).putShort((short) 0x0197).putShort((short) version);
		h.putInt(spectra ? 0x4120 : 0x4122).putInt(tagType).putInt(total).putInt(valid);
		int headerFixed = word == 4 ? 30 : 34;
		// the offset array position is patched below, once the dimension array's size is known
		h.position(headerFixed - 4).putInt(dims.size());
		head.write(h.array(), 0, headerFixed);
		for (Dim d : dims) {
			byte[] desc = d.description.getBytes(StandardCharsets.ISO_8859_1);
			byte[] units = d.units.getBytes(StandardCharsets.ISO_8859_1);
			ByteBuffer b = le(28 + desc.length + 4 + units.length);
			b.putInt(d.size).putDouble(d.offset).putDouble(d.delta).putInt(d.element).putInt(desc.length).put(desc).putInt(units.length).put(units);
			head.write(b.array(), 0, b.capacity());
		}
		long offsetArray = head.size();
		long pos = offsetArray + 2L * total * word;
		long[] dataOffsets = new long[total];
		long[] tagOffsets = new long[total];
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (int e = 0; e < valid; e++) {
			dataOffsets[e] = pos + body.size();
			byte[] el = element(e);
			body.write(el, 0, el.length);
			tagOffsets[e] = pos + body.size();
			byte[] tag = tag(e);
			body.write(tag, 0, tag.length);
		}
		ByteBuffer offs = le(2 * total * word);
		for (long o : dataOffsets) {
			putWord(offs, o, word);
		}
		for (long o : tagOffsets) {
			putWord(offs, o, word);
		}
		byte[] out = new byte[(int) pos + body.size()];
		byte[] hb = head.toByteArray();
		System.arraycopy(hb, 0, out, 0, hb.length);
		ByteBuffer patch = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
		if (word == 4) {
			patch.putInt(22, (int) offsetArray);
		} else {
			patch.putLong(22, offsetArray);
		}
		System.arraycopy(offs.array(), 0, out, (int) offsetArray, offs.capacity());
		byte[] bb = body.toByteArray();
		System.arraycopy(bb, 0, out, (int) pos, bb.length);
		return out;
	}

	private byte[] element(int e) {
		int n = sizeX * sizeY;
		int item = switch (dataType) {
		case 1, 4 -> 1;
		case 2, 5 -> 2;
		case 3, 6, 7 -> 4;
		case 8, 9 -> 8;
		default -> 16;
		};
		int header = spectra ? 26 : 50;
		ByteBuffer b = le(header + n * item);
		b.putDouble(calX[0]).putDouble(calX[1]).putInt((int) calX[2]);
		if (!spectra) {
			b.putDouble(calY[0]).putDouble(calY[1]).putInt((int) calY[2]);
		}
		b.putShort((short) dataType).putInt(sizeX);
		if (!spectra) {
			b.putInt(sizeY);
		}
		for (int i = 0; i < n; i++) {
			double v = values.at(e, i);
			switch (dataType) {
			case 1, 4 -> b.put((byte) v);
			case 2, 5 -> b.putShort((short) v);
			case 3, 6 -> b.putInt((int) v);
			case 7 -> b.putFloat((float) v);
			case 8 -> b.putDouble(v);
			case 9 -> b.putFloat((float) v).putFloat((float) -v);
			default -> b.putDouble(v).putDouble(-v);
			}
		}
		return b.array();
	}

	private byte[] tag(int e) {
		ByteBuffer b = le(tagType == 0x4142 ? 24 : 8);
		b.putShort((short) tagType).putShort((short) 0).putInt((int) (baseTime + e));
		if (tagType == 0x4142) {
			int nx = dims.isEmpty() ? 1 : dims.get(0).size;
			Dim dx = dims.isEmpty() ? new Dim(1, 0, 1, 0, "", "") : dims.get(0);
			Dim dy = dims.size() > 1 ? dims.get(1) : new Dim(1, 0, 0, 0, "", "");
			b.putDouble(dx.offset + (e % nx - dx.element + 0.5) * dx.delta).putDouble(dy.offset + (e / nx - dy.element + 0.5) * dy.delta);
		}
		return b.array();
	}

	private static void putWord(ByteBuffer b, long v, int word) {
		if (word == 4) {
			b.putInt((int) v);
		} else {
			b.putLong(v);
		}
	}

	private static ByteBuffer le(int n) {
		return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
	}
}
