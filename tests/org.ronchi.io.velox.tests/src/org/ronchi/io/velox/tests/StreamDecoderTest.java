package org.ronchi.io.velox.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.DType;
import org.ronchi.io.velox.internal.VeloxException;
import org.ronchi.io.velox.internal.stream.FrameSelection;
import org.ronchi.io.velox.internal.stream.SpectrumImageSource;
import org.ronchi.io.velox.internal.stream.StreamDecoder;
import org.ronchi.io.velox.internal.stream.StreamGeometry;
import org.ronchi.io.velox.internal.stream.StreamIndex;
import org.ronchi.io.velox.internal.stream.StreamValues;

/**
 * The stream decoder against {@link Streams#reference}, RosettaSciIO's loop: random cubes in odd sizes,
 * every option, whole reads and odd sub-boxes, and the stream quirks met in real files (a leading
 * marker, events after the last expected pixel, a stream that stops mid-frame).
 */
class StreamDecoderTest {

	static SpectrumImageSource source(int[] stream, int ny, int nx, int channels, FrameSelection sel, DType dtype) {
		return new SpectrumImageSource(List.of(new Streams.InMemory(stream)), new StreamGeometry(ny, nx, channels), sel, dtype);
	}

	static long[] all(SpectrumImageSource s) {
		long[] shape = s.shape();
		int[] count = new int[shape.length];
		for (int i = 0; i < count.length; i++) {
			count[i] = (int) shape[i];
		}
		Dataset d = s.read(new long[shape.length], count);
		long[] out = new long[d.getSize()];
		for (int i = 0; i < out.length; i++) {
			out[i] = d.getElementLongAbs(i);
		}
		return out;
	}

	@ParameterizedTest(name = "frames [{0}, {1}) sum={2} rebin={3}")
	@CsvSource({ "0, 3, true, 1", "0, 3, false, 1", "1, 3, false, 2", "1, 2, true, 4", "2, 3, false, 8", "0, 2, true, 1" })
	void equalsRosettaSciIOLoop(int first, int last, boolean sum, int rebin) {
		Random rnd = new Random(first * 31 + last * 7 + rebin + (sum ? 1 : 0));
		int ny = 5, nx = 7, channels = 24;
		int[] stream = Streams.encode(Streams.randomCounts(rnd, 3, ny, nx, channels, 9), rnd);
		SpectrumImageSource s = source(stream, ny, nx, channels, new FrameSelection(first, last, sum, rebin), DType.INT64);
		long[] expected = Streams.reference(stream, ny, nx, channels, first, last, sum, rebin);
		assertArrayEquals(expected, all(s));
		long[] shape = s.shape();
		assertEquals(channels / rebin, shape[shape.length - 1]);
		assertEquals(sum ? 3 : 4, shape.length);
	}

	@Test
	void subBoxesEqualTheWholeRead() {
		Random rnd = new Random(5);
		int ny = 6, nx = 9, channels = 16;
		int[] stream = Streams.encode(Streams.randomCounts(rnd, 4, ny, nx, channels, 6), rnd);
		SpectrumImageSource s = source(stream, ny, nx, channels, new FrameSelection(0, 4, false, 1), DType.INT32);
		long[] whole = all(s);
		for (int trial = 0; trial < 40; trial++) {
			long[] start = { rnd.nextInt(4), rnd.nextInt(ny), rnd.nextInt(nx), rnd.nextInt(channels) };
			int[] count = { 1 + rnd.nextInt(4 - (int) start[0]), 1 + rnd.nextInt(ny - (int) start[1]), 1 + rnd.nextInt(nx - (int) start[2]),
					1 + rnd.nextInt(channels - (int) start[3]) };
			Dataset d = s.read(start, count);
			int i = 0;
			for (int f = 0; f < count[0]; f++) {
				for (int y = 0; y < count[1]; y++) {
					for (int x = 0; x < count[2]; x++) {
						for (int c = 0; c < count[3]; c++) {
							long at = (((start[0] + f) * ny + start[1] + y) * nx + start[2] + x) * channels + start[3] + c;
							assertEquals(whole[(int) at], d.getElementLongAbs(i++), "element " + f + "," + y + "," + x + "," + c);
						}
					}
				}
			}
		}
	}

	@Test
	void streamQuirksOfRealFiles() {
		// a leading marker (the v4 example starts so: pixel 0 is empty), a stream cut in the last frame,
		// and, with frames [0, 1), events after the last frame which must be dropped
		int ny = 2, nx = 2, channels = 4;
		int[] stream = { 65535, 1, 1, 65535, 2, 65535, 3, 65535, 0, 65535, 3, 3 };
		assertArrayEquals(Streams.reference(stream, ny, nx, channels, 0, 2, true, 1),
				all(source(stream, ny, nx, channels, new FrameSelection(0, 2, true, 1), DType.INT64)));
		assertArrayEquals(Streams.reference(stream, ny, nx, channels, 0, 1, true, 1),
				all(source(stream, ny, nx, channels, new FrameSelection(0, 1, true, 1), DType.INT64)));
		assertArrayEquals(Streams.reference(stream, ny, nx, channels, 0, 3, false, 1),
				all(source(stream, ny, nx, channels, new FrameSelection(0, 3, false, 1), DType.INT64)));
		// summing "to the end" reads every frame the stream has
		assertArrayEquals(Streams.reference(stream, ny, nx, channels, 0, Integer.MAX_VALUE, true, 1),
				all(source(stream, ny, nx, channels, new FrameSelection(0, FrameSelection.TO_END, true, 1), DType.INT64)));
		StreamIndex idx = StreamDecoder.index(new Streams.InMemory(stream), new StreamGeometry(ny, nx, channels));
		assertEquals(5, idx.markers());
		assertEquals(3, idx.rows()); // rows begin at 0, 4 (after marker 2) and 9 (after marker 4)
		assertEquals(4, idx.start(1));
		assertEquals(3, idx.end(0));
		assertEquals(stream.length, idx.end(2));
		assertEquals(stream.length, idx.start(7)); // past the end: empty
	}

	@Test
	void detectorSegmentsAreSummed() {
		Random rnd = new Random(11);
		int ny = 3, nx = 4, channels = 8;
		int[] a = Streams.encode(Streams.randomCounts(rnd, 2, ny, nx, channels, 5), rnd);
		int[] b = Streams.encode(Streams.randomCounts(rnd, 2, ny, nx, channels, 5), rnd);
		SpectrumImageSource both = new SpectrumImageSource(List.of(new Streams.InMemory(a), new Streams.InMemory(b)),
				new StreamGeometry(ny, nx, channels), new FrameSelection(0, 2, true, 1), DType.UINT16);
		long[] ra = Streams.reference(a, ny, nx, channels, 0, 2, true, 1);
		long[] rb = Streams.reference(b, ny, nx, channels, 0, 2, true, 1);
		long[] got = all(both);
		for (int i = 0; i < got.length; i++) {
			assertEquals(ra[i] + rb[i], got[i]);
		}
	}

	@Test
	void countsWrapAsNumpyDtypesDo() {
		// 300 X-rays in one channel of one pixel: uint8 keeps 300 % 256, int8 wraps negative, float keeps 300
		int[] stream = new int[301];
		java.util.Arrays.fill(stream, 0, 300, 2);
		stream[300] = 65535;
		for (DType t : new DType[] { DType.UINT8, DType.INT8, DType.UINT16, DType.FLOAT32, DType.UINT32 }) {
			Dataset d = source(stream, 1, 2, 4, new FrameSelection(0, 1, true, 1), t).read(new long[3], new int[] { 1, 2, 4 });
			assertEquals(t.januaryClass(), d.getClass(), t.toString());
			double expected = switch (t) {
			case UINT8 -> 300 % 256;
			case INT8 -> (byte) 300;
			default -> 300;
			};
			assertEquals(expected, d.getElementDoubleAbs(2), t.toString());
		}
	}

	@Test
	void indexIsBuiltOnFirstReadNotBefore() {
		int[] stream = Streams.encode(Streams.randomCounts(new Random(3), 1, 2, 2, 4, 3), new Random(3));
		int[] reads = new int[1];
		StreamValues counting = new Streams.InMemory(stream);
		StreamValues spy = new StreamValues() {
			@Override
			public long length() {
				return counting.length();
			}

			@Override
			public void read(long pos, char[] into, int at, int n) {
				reads[0]++;
				counting.read(pos, into, at, n);
			}

			@Override
			public java.nio.file.Path file() {
				return null;
			}

			@Override
			public String where() {
				return "spy";
			}
		};
		SpectrumImageSource s = new SpectrumImageSource(List.of(spy), new StreamGeometry(2, 2, 4), new FrameSelection(0, 1, true, 1), DType.UINT16);
		assertEquals(0, reads[0], "nothing decoded at construction");
		s.read(new long[] { 0, 0, 0 }, new int[] { 1, 1, 4 });
		assertTrue(reads[0] >= 2, "index scan plus one row read");
		int after = reads[0];
		s.read(new long[] { 1, 1, 0 }, new int[] { 1, 1, 4 });
		assertEquals(after + 1, reads[0], "the index is kept: one more row read");
	}

	@Test
	void corruptStreamsFailWithTheirPosition() {
		int[] stream = { 1, 2, 65535, 9, 65535 };
		VeloxException e = assertThrows(VeloxException.class,
				() -> all(source(stream, 1, 3, 4, new FrameSelection(0, 1, true, 1), DType.UINT16)));
		assertTrue(e.getMessage().contains("at 0x3"), e.getMessage());
		assertTrue(e.getMessage().contains("channel 9"), e.getMessage());
		SpectrumImageSource ok = source(new int[] { 1 }, 1, 1, 4, new FrameSelection(0, 1, true, 1), DType.UINT16);
		assertThrows(RonchiException.class, () -> ok.read(new long[] { 0, 0, 2 }, new int[] { 1, 1, 3 }));
		assertThrows(IllegalArgumentException.class, () -> source(stream, 1, 3, 4, new FrameSelection(0, 1, true, 3), DType.UINT16));
		assertThrows(IllegalArgumentException.class, () -> source(stream, 1, 3, 4, new FrameSelection(0, 1, true, 1), DType.COMPLEX64));
	}
}
