package org.ronchi.io.tiff.tests;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Writes small TIFF and BigTIFF files for tests, with its own encoders (LZW, PackBits, predictors) and the
 * JDK's (Deflate, JPEG), so that every reader feature has a fixture built from known pixels. Pixels are given
 * in C order of the page shape ((h, w), (h, w, s), or (s, h, w) when planar), in the file's byte order.
 */
final class TiffBuilder {
	static final int NONE = 1, LZW = 5, JPEG = 7, DEFLATE = 8, PACKBITS = 32773;

	final ByteOrder order;
	final boolean big;
	final List<Page> pages = new ArrayList<>();

	TiffBuilder(ByteOrder order, boolean big) {
		this.order = order;
		this.big = big;
	}

	/** One page and its tags. */
	static final class Page {
		int width;
		int height;
		int samples = 1;
		int bits = 8;
		int sampleFormat = 1;
		int compression = NONE;
		int predictor = 1;
		int photometric = 1;
		boolean planar;
		int tileWidth;
		int tileLength;
		int rowsPerStrip;
		long subfileType;
		boolean jpegTables;
		/** Blocks written as offset 0, byte count 0: never stored, read as zeros. */
		java.util.Set<Integer> sparse = java.util.Set.of();
		byte[] pixels;
		/** Extra tags: tag number to value (String, byte[], short[] as SHORT, int[] as LONG, double[] as DOUBLE, long[] as RATIONAL pairs). */
		final Map<Integer, Object> tags = new TreeMap<>();

		Page(int width, int height, byte[] pixels) {
			this.width = width;
			this.height = height;
			this.pixels = pixels;
			this.rowsPerStrip = height;
		}

		Page tag(int tag, Object value) {
			tags.put(tag, value);
			return this;
		}
	}

	Page page(int width, int height, byte[] pixels) {
		Page p = new Page(width, height, pixels);
		pages.add(p);
		return p;
	}

	Path write(Path dir, String name) throws IOException {
		Path f = dir.resolve(name);
		Files.write(f, build());
		return f;
	}

	byte[] build() throws IOException {
		Out out = new Out(order);
		out.bytes(order == ByteOrder.LITTLE_ENDIAN ? "II".getBytes(StandardCharsets.ISO_8859_1) : "MM".getBytes(StandardCharsets.ISO_8859_1));
		long nextPointer;
		if (big) {
			out.u16(43);
			out.u16(8);
			out.u16(0);
			nextPointer = out.size();
			out.u64(0);
		} else {
			out.u16(42);
			nextPointer = out.size();
			out.u32(0);
		}
		for (Page p : pages) {
			List<byte[]> blocks = blocks(p);
			byte[] tables = null;
			if (p.compression == JPEG && p.jpegTables) {
				tables = Jpegs.tables(blocks.get(0));
				for (int i = 0; i < blocks.size(); i++) {
					blocks.set(i, Jpegs.withoutTables(blocks.get(i)));
				}
			}
			long[] offsets = new long[blocks.size()];
			long[] counts = new long[blocks.size()];
			for (int i = 0; i < blocks.size(); i++) {
				if (p.sparse.contains(i)) {
					continue;
				}
				out.align();
				offsets[i] = out.size();
				counts[i] = blocks.get(i).length;
				out.bytes(blocks.get(i));
			}
			TreeMap<Integer, Object> tags = new TreeMap<>(p.tags);
			if (p.subfileType != 0) {
				tags.put(254, new int[] { (int) p.subfileType });
			}
			tags.put(256, new int[] { p.width });
			tags.put(257, new int[] { p.height });
			short[] bits = new short[p.samples];
			Arrays.fill(bits, (short) p.bits);
			tags.put(258, bits);
			tags.put(259, new short[] { (short) p.compression });
			tags.put(262, new short[] { (short) p.photometric });
			tags.put(277, new short[] { (short) p.samples });
			if (p.planar) {
				tags.put(284, new short[] { 2 });
			}
			if (p.predictor != 1) {
				tags.put(317, new short[] { (short) p.predictor });
			}
			if (p.sampleFormat != 1) {
				tags.put(339, new short[] { (short) p.sampleFormat });
			}
			if (tables != null) {
				tags.put(347, tables);
			}
			boolean tiled = p.tileWidth > 0;
			if (tiled) {
				tags.put(322, new int[] { p.tileWidth });
				tags.put(323, new int[] { p.tileLength });
				tags.put(324, new Offsets(offsets));
				tags.put(325, new Offsets(counts));
			} else {
				tags.put(273, new Offsets(offsets));
				tags.put(278, new int[] { p.rowsPerStrip });
				tags.put(279, new Offsets(counts));
			}
			long ifd = writeIfd(out, tags);
			out.patch(nextPointer, ifd, big);
			nextPointer = out.size() - (big ? 8 : 4);
		}
		return out.toByteArray();
	}

	/** Offsets or counts, written as LONG (LONG8 in BigTIFF). */
	record Offsets(long[] values) {
	}

	private long writeIfd(Out out, TreeMap<Integer, Object> tags) {
		// values that do not fit in the entry go first, then the IFD
		int inline = big ? 8 : 4;
		Map<Integer, byte[]> encoded = new TreeMap<>();
		Map<Integer, int[]> typeCount = new TreeMap<>();
		for (Map.Entry<Integer, Object> e : tags.entrySet()) {
			Out v = new Out(order);
			int type;
			long count;
			Object o = e.getValue();
			if (o instanceof String s) {
				byte[] b = (s + "\0").getBytes(StandardCharsets.UTF_8);
				v.bytes(b);
				type = 2;
				count = b.length;
			} else if (o instanceof byte[] b) {
				v.bytes(b);
				type = 7;
				count = b.length;
			} else if (o instanceof short[] s) {
				for (short x : s) {
					v.u16(x);
				}
				type = 3;
				count = s.length;
			} else if (o instanceof int[] a) {
				for (int x : a) {
					v.u32(x);
				}
				type = 4;
				count = a.length;
			} else if (o instanceof double[] d) {
				for (double x : d) {
					v.f64(x);
				}
				type = 12;
				count = d.length;
			} else if (o instanceof long[] r) {
				for (long x : r) {
					v.u32(x);
				}
				type = 5;
				count = r.length / 2;
			} else if (o instanceof Offsets off) {
				for (long x : off.values) {
					if (big) {
						v.u64(x);
					} else {
						v.u32(x);
					}
				}
				type = big ? 16 : 4;
				count = off.values.length;
			} else {
				throw new IllegalArgumentException("tag value " + o);
			}
			encoded.put(e.getKey(), v.toByteArray());
			typeCount.put(e.getKey(), new int[] { type, (int) count });
		}
		Map<Integer, Long> where = new TreeMap<>();
		for (Map.Entry<Integer, byte[]> e : encoded.entrySet()) {
			if (e.getValue().length > inline) {
				out.align();
				where.put(e.getKey(), out.size());
				out.bytes(e.getValue());
			}
		}
		out.align();
		long ifd = out.size();
		if (big) {
			out.u64(tags.size());
		} else {
			out.u16(tags.size());
		}
		for (Map.Entry<Integer, byte[]> e : encoded.entrySet()) {
			int[] tc = typeCount.get(e.getKey());
			out.u16(e.getKey());
			out.u16(tc[0]);
			if (big) {
				out.u64(tc[1]);
			} else {
				out.u32(tc[1]);
			}
			if (where.containsKey(e.getKey())) {
				if (big) {
					out.u64(where.get(e.getKey()));
				} else {
					out.u32(where.get(e.getKey()));
				}
			} else {
				out.bytes(Arrays.copyOf(e.getValue(), inline));
			}
		}
		if (big) {
			out.u64(0);
		} else {
			out.u32(0);
		}
		return ifd;
	}

	/** Splits the page's pixels into strips or tiles, applies the predictor and compresses each. */
	private List<byte[]> blocks(Page p) throws IOException {
		int bps = p.bits / 8;
		int spp = p.planar ? 1 : p.samples;
		int planes = p.planar ? p.samples : 1;
		boolean tiled = p.tileWidth > 0;
		int bw = tiled ? p.tileWidth : p.width;
		int bh = tiled ? p.tileLength : p.rowsPerStrip;
		int across = (p.width + bw - 1) / bw;
		int down = (p.height + bh - 1) / bh;
		List<byte[]> out = new ArrayList<>();
		for (int plane = 0; plane < planes; plane++) {
			for (int by = 0; by < down; by++) {
				for (int bx = 0; bx < across; bx++) {
					int rows = tiled ? bh : Math.min(bh, p.height - by * bh);
					byte[] b = new byte[rows * bw * spp * bps];
					for (int r = 0; r < rows; r++) {
						int y = by * bh + r;
						for (int c = 0; c < bw; c++) {
							int x = bx * bw + c;
							if (y >= p.height || x >= p.width) {
								continue;
							}
							int src = p.planar ? ((plane * p.height + y) * p.width + x) * bps : (y * p.width + x) * spp * bps;
							System.arraycopy(p.pixels, src, b, ((r * bw) + c) * spp * bps, spp * bps);
						}
					}
					out.add(encode(p, b, bw, rows, spp, bps));
				}
			}
		}
		return out;
	}

	private byte[] encode(Page p, byte[] raw, int width, int rows, int spp, int bps) throws IOException {
		if (p.predictor == 2) {
			Predictors.horizontal(raw, width, rows, spp, bps, order);
		} else if (p.predictor == 3) {
			Predictors.floating(raw, width, rows, spp, bps, order);
		}
		return switch (p.compression) {
		case NONE -> raw;
		case LZW -> LzwEncoder.encode(raw);
		case PACKBITS -> packBits(raw);
		case DEFLATE -> {
			Deflater d = new Deflater();
			d.setInput(raw);
			d.finish();
			ByteArrayOutputStream bo = new ByteArrayOutputStream();
			byte[] buf = new byte[4096];
			while (!d.finished()) {
				bo.write(buf, 0, d.deflate(buf));
			}
			d.end();
			yield bo.toByteArray();
		}
		case JPEG -> jpeg(raw, width, rows, spp);
		default -> throw new IllegalArgumentException("compression " + p.compression);
		};
	}

	static byte[] packBits(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int i = 0;
		while (i < in.length) {
			int run = 1;
			while (i + run < in.length && run < 128 && in[i + run] == in[i]) {
				run++;
			}
			if (run >= 2) {
				out.write(1 - run);
				out.write(in[i]);
				i += run;
			} else {
				int start = i;
				while (i < in.length && i - start < 128 && !(i + 1 < in.length && in[i + 1] == in[i])) {
					i++;
				}
				if (i == start) {
					i++;
				}
				out.write(i - start - 1);
				out.write(in, start, i - start);
			}
		}
		return out.toByteArray();
	}

	private static byte[] jpeg(byte[] raw, int width, int rows, int spp) throws IOException {
		BufferedImage img = new BufferedImage(width, rows, spp == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < rows; y++) {
			for (int x = 0; x < width; x++) {
				int i = (y * width + x) * spp;
				if (spp == 1) {
					img.getRaster().setSample(x, y, 0, raw[i] & 0xff);
				} else {
					img.setRGB(x, y, ((raw[i] & 0xff) << 16) | ((raw[i + 1] & 0xff) << 8) | (raw[i + 2] & 0xff));
				}
			}
		}
		ByteArrayOutputStream bo = new ByteArrayOutputStream();
		if (!ImageIO.write(img, "jpeg", bo)) {
			throw new IOException("no JPEG writer");
		}
		return bo.toByteArray();
	}

	/** A growable little buffer with patchable offsets. */
	static final class Out {
		private final ByteOrder order;
		private byte[] buf = new byte[1024];
		private int n;

		Out(ByteOrder order) {
			this.order = order;
		}

		long size() {
			return n;
		}

		void bytes(byte[] b) {
			ensure(b.length);
			System.arraycopy(b, 0, buf, n, b.length);
			n += b.length;
		}

		void align() {
			if ((n & 1) != 0) {
				bytes(new byte[1]);
			}
		}

		void u16(long v) {
			bytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
		}

		void u32(long v) {
			bytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
		}

		void u64(long v) {
			bytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
		}

		void f64(double v) {
			bytes(ByteBuffer.allocate(8).order(order).putDouble(v).array());
		}

		void patch(long at, long value, boolean eight) {
			ByteBuffer b = ByteBuffer.wrap(buf).order(order);
			if (eight) {
				b.putLong((int) at, value);
			} else {
				b.putInt((int) at, (int) value);
			}
		}

		private void ensure(int more) {
			if (n + more > buf.length) {
				buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
			}
		}

		byte[] toByteArray() {
			return Arrays.copyOf(buf, n);
		}
	}
}
