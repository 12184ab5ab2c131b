package org.ronchi.io.tiff.vendor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.metadata.MetadataTree;

/**
 * ImageJ's binary extra metadata (tags 50838 IJMetadataByteCounts and 50839 IJMetadata, written by
 * ij.io.TiffEncoder): a header "IJIJ" (big-endian) or "JIJI" followed by (type, count) pairs, then the
 * blocks in that order, their sizes given by the byte counts. Info, labels and properties are UTF-16
 * text; display ranges are doubles; LUTs, plots and ROIs are kept only as their size.
 */
public final class IjMetadata {
	private IjMetadata() {
	}

	/** @return the decoded blocks, or null if the header is not ImageJ's */
	public static MetadataTree parse(byte[] data, long[] counts, ByteOrder fileOrder) {
		if (data == null || counts == null || counts.length < 1 || counts[0] < 4 || data.length < counts[0]) {
			return null;
		}
		ByteOrder order;
		if (data[0] == 'I' && data[1] == 'J' && data[2] == 'I' && data[3] == 'J') {
			order = ByteOrder.BIG_ENDIAN;
		} else if (data[0] == 'J' && data[1] == 'I' && data[2] == 'J' && data[3] == 'I') {
			order = ByteOrder.LITTLE_ENDIAN;
		} else {
			return null;
		}
		ByteBuffer head = ByteBuffer.wrap(data, 4, (int) counts[0] - 4).order(order);
		List<int[]> types = new ArrayList<>();
		while (head.remaining() >= 8) {
			types.add(new int[] { head.getInt(), head.getInt() });
		}
		MetadataTree t = new MetadataTree();
		long pos = counts[0];
		int block = 1;
		for (int[] type : types) {
			List<Object> values = new ArrayList<>();
			for (int k = 0; k < type[1] && block < counts.length; k++, block++) {
				long n = counts[block];
				if (n < 0 || pos + n > data.length) {
					return t; // a byte count past the data: keep what was read
				}
				values.add(decode(type[0], data, (int) pos, (int) n, order));
				pos += n;
			}
			String name = name(type[0]);
			t.put(name, values.size() == 1 && !name.equals("Labels") && !name.equals("Properties") ? values.get(0)
					: values.stream().map(String::valueOf).toArray(String[]::new));
			if (name.equals("Ranges") && values.size() == 1 && values.get(0) instanceof double[] d) {
				t.put(name, d);
			}
		}
		return t;
	}

	private static String name(int type) {
		return switch (type) {
		case 0x696e666f -> "Info";
		case 0x6c61626c -> "Labels";
		case 0x72616e67 -> "Ranges";
		case 0x6c757473 -> "LUTs";
		case 0x706c6f74 -> "Plot";
		case 0x726f6920 -> "ROI";
		case 0x6f766572 -> "Overlays";
		case 0x70726f70 -> "Properties";
		default -> "type_" + Integer.toHexString(type);
		};
	}

	private static Object decode(int type, byte[] data, int at, int n, ByteOrder order) {
		switch (type) {
		case 0x696e666f, 0x6c61626c, 0x70726f70 -> {
			return new String(data, at, n & ~1, order == ByteOrder.BIG_ENDIAN ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
		}
		case 0x72616e67 -> {
			ByteBuffer b = ByteBuffer.wrap(data, at, n).order(order);
			double[] d = new double[n / 8];
			for (int i = 0; i < d.length; i++) {
				d[i] = b.getDouble();
			}
			return d;
		}
		default -> {
			return n + " bytes";
		}
		}
	}
}
