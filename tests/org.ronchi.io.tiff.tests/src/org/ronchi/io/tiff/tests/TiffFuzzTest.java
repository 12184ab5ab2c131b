package org.ronchi.io.tiff.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.TestData;

/**
 * Damaged copies of every real TIFF: truncated at offsets inside the header, the IFDs, the vendor blocks and
 * the pixels, and with bytes flipped or values forged in the header and IFD entries (ImageWidth 2^31 - 1,
 * huge StripByteCounts and counts). Each must open and read fully or fail with a RonchiException, within a
 * second, never with another exception, never out of memory. The loader's own safety net ("unexpected
 * error") counts as a failure here: it would mean a bug slipped through a check.
 */
class TiffFuzzTest {
	@TempDir
	Path dir;

	private int cases;
	private int failures;

	@Test
	void truncatedFlippedAndForgedCopiesFailCleanly() throws Exception {
		Random random = new Random(20240611);
		for (Path real : TestData.realFiles("tiff", ".tif")) {
			byte[] original = Files.readAllBytes(real);
			Layout layout = Layout.of(original);
			for (long cut : truncations(original.length, layout, random)) {
				run(real, "truncated at " + cut, java.util.Arrays.copyOf(original, (int) cut));
			}
			for (int i = 0; i < 8; i++) {
				byte[] b = original.clone();
				int at = random.nextInt(Math.min(16, b.length));
				b[at] ^= (byte) (1 + random.nextInt(255));
				run(real, "header byte " + at + " flipped", b);
			}
			for (int i = 0; i < 40; i++) {
				byte[] b = original.clone();
				int at = layout.ifdByte(random);
				b[at] ^= (byte) (1 << random.nextInt(8));
				run(real, "IFD byte " + at + " flipped", b);
			}
			for (int i = 0; i < 10; i++) {
				byte[] b = original.clone();
				int at = layout.valueByte(random);
				b[at] = (byte) random.nextInt(256);
				run(real, "tag value byte " + at + " changed", b);
			}
			for (int tag : new int[] { 256, 257, 278, 279, 273, 322, 277, 258 }) {
				for (long forged : new long[] { 0x7fffffffL, 0xffffffffL, 0, 65535 }) {
					byte[] b = layout.forgeValue(original, tag, forged);
					if (b != null) {
						run(real, "tag " + tag + " value forged to " + forged, b);
					}
					b = layout.forgeCount(original, tag, forged);
					if (b != null) {
						run(real, "tag " + tag + " count forged to " + forged, b);
					}
				}
			}
		}
		assertTrue(cases > 600, "only " + cases + " cases ran");
		assertTrue(failures > cases / 10, "suspiciously few damaged files were rejected: " + failures + " of " + cases);
	}

	/** The codecs the real files do not use (LZW, PackBits, Deflate, predictors, tiles, shared JPEG tables), damaged the same way. */
	@Test
	void damagedCompressedBlocksFailCleanly() throws Exception {
		Random random = new Random(7);
		List<byte[]> files = new ArrayList<>();
		int[][] kinds = { { TiffBuilder.LZW, 2, 16, 0 }, { TiffBuilder.PACKBITS, 1, 8, 1 }, { TiffBuilder.DEFLATE, 3, 32, 0 },
				{ TiffBuilder.LZW, 1, 8, 1 }, { TiffBuilder.JPEG, 1, 8, 0 } };
		for (int[] k : kinds) {
			int bytes = k[2] / 8;
			TiffBuilder b = new TiffBuilder(ByteOrder.LITTLE_ENDIAN, false);
			byte[] px = k[2] == 32 ? Fixtures.floats(48 * 40, 4, ByteOrder.LITTLE_ENDIAN, 1) : Fixtures.pixels(48 * 40 * bytes, 2);
			TiffBuilder.Page p = b.page(48, 40, px);
			p.compression = k[0];
			p.predictor = k[1];
			p.bits = k[2];
			p.sampleFormat = k[2] == 32 ? 3 : 1;
			p.jpegTables = k[0] == TiffBuilder.JPEG;
			if (k[3] == 1) {
				p.tileWidth = 16;
				p.tileLength = 16;
			} else {
				p.rowsPerStrip = 7;
			}
			files.add(b.build());
		}
		Path label = Path.of("synthetic.tif");
		for (byte[] original : files) {
			Layout layout = Layout.of(original);
			for (long cut : truncations(original.length, layout, random)) {
				run(label, "truncated at " + cut, java.util.Arrays.copyOf(original, (int) cut));
			}
			for (int i = 0; i < 60; i++) {
				byte[] b = original.clone();
				int at = 8 + random.nextInt(original.length - 8);
				b[at] ^= (byte) (1 + random.nextInt(255));
				run(label, "byte " + at + " changed", b);
			}
		}
	}

	private List<Long> truncations(long size, Layout layout, Random random) {
		TreeSet<Long> cuts = new TreeSet<>(List.of(1L, 4L, 7L, 8L, 12L, size / 3, size / 2, size - 100, size - 1));
		for (long at : layout.landmarks()) {
			cuts.add(at + 1);
			cuts.add(at + 2);
			cuts.add(at + 13);
		}
		while (cuts.size() < 30) {
			cuts.add(1 + (long) (random.nextDouble() * (size - 1)));
		}
		cuts.removeIf(c -> c < 1 || c >= size);
		return new ArrayList<>(cuts);
	}

	private void run(Path real, String what, byte[] content) throws Exception {
		cases++;
		Path f = dir.resolve("fuzz.tif");
		Files.write(f, content);
		String label = real.getFileName() + " " + what;
		long t0 = System.nanoTime();
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			try (DataFile d = Fixtures.open(f)) {
				for (ArrayNode n : d.signals()) {
					Fixtures.readAll(n);
				}
			} catch (RonchiException e) {
				failures++;
				if (Boolean.getBoolean("ronchi.fuzz.verbose")) {
					System.out.println(label + " -> " + e.getMessage());
				}
				assertFalse(e.getMessage().contains("unexpected error"), label + ": " + e.getMessage());
			} catch (OutOfMemoryError e) {
				fail(label + ": out of memory");
			} catch (Throwable e) {
				throw new AssertionError(label + ": " + e, e);
			}
		}, label);
		long ms = (System.nanoTime() - t0) / 1_000_000;
		assertTrue(ms < 1000, label + " took " + ms + " ms");
	}

	/** Where a classic TIFF's IFDs and out-of-line tag values are, read independently of the loader. */
	private record Layout(ByteOrder order, List<long[]> ifds, List<long[]> values, List<long[]> entries) {

		static Layout of(byte[] b) {
			ByteOrder order = b[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
			ByteBuffer buf = ByteBuffer.wrap(b).order(order);
			List<long[]> ifds = new ArrayList<>();
			List<long[]> values = new ArrayList<>();
			List<long[]> entries = new ArrayList<>();
			long at = buf.getInt(4) & 0xffffffffL;
			while (at > 0 && at + 2 < b.length && ifds.size() < 10) {
				int n = buf.getShort((int) at) & 0xffff;
				ifds.add(new long[] { at, n });
				for (int i = 0; i < n; i++) {
					int e = (int) at + 2 + 12 * i;
					int tag = buf.getShort(e) & 0xffff;
					int type = buf.getShort(e + 2) & 0xffff;
					long count = buf.getInt(e + 4) & 0xffffffffL;
					int size = new int[] { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4 }[Math.min(type, 13)];
					entries.add(new long[] { e, tag, type, count });
					if (count * size > 4) {
						values.add(new long[] { buf.getInt(e + 8) & 0xffffffffL, count * size });
					}
				}
				at = buf.getInt((int) at + 2 + 12 * n) & 0xffffffffL;
			}
			return new Layout(order, ifds, values, entries);
		}

		List<Long> landmarks() {
			List<Long> out = new ArrayList<>();
			for (long[] i : ifds) {
				out.add(i[0]);
				out.add(i[0] + 6 * i[1]);
			}
			for (long[] v : values) {
				out.add(v[0]);
			}
			return out;
		}

		int ifdByte(Random r) {
			long[] i = ifds.get(r.nextInt(ifds.size()));
			return (int) (i[0] + r.nextInt((int) (2 + 12 * i[1] + 4)));
		}

		int valueByte(Random r) {
			long[] v = values.get(r.nextInt(values.size()));
			return (int) (v[0] + r.nextInt((int) Math.min(v[1], 64)));
		}

		/** @return a copy with the first IFD entry of this tag holding {@code value} inline, or null */
		byte[] forgeValue(byte[] b, int tag, long value) {
			for (long[] e : entries) {
				if (e[1] == tag) {
					byte[] c = b.clone();
					ByteBuffer buf = ByteBuffer.wrap(c).order(order);
					if (e[2] == 3 && e[3] == 1) {
						buf.putShort((int) e[0] + 8, (short) value);
					} else if (e[3] == 1) {
						buf.putInt((int) e[0] + 8, (int) value);
					} else {
						long at = buf.getInt((int) e[0] + 8) & 0xffffffffL; // first element of an array
						if (at + 4 > c.length) {
							return null;
						}
						if (e[2] == 3) {
							buf.putShort((int) at, (short) value);
						} else {
							buf.putInt((int) at, (int) value);
						}
					}
					return c;
				}
			}
			return null;
		}

		/** @return a copy with the count field of this tag's entry set to {@code count}, or null */
		byte[] forgeCount(byte[] b, int tag, long count) {
			for (long[] e : entries) {
				if (e[1] == tag) {
					byte[] c = b.clone();
					ByteBuffer.wrap(c).order(order).putInt((int) e[0] + 4, (int) count);
					return c;
				}
			}
			return null;
		}
	}
}
