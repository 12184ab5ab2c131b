package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.io.ByteSource;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Scan;
import org.ronchi.core.lazy.ScanOptions;
import org.ronchi.core.lazy.ScanOptions.Flip;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * The shared scan logic of raw-frame formats: which frame each navigation position shows under every
 * option, against a naive placement, and what is said when the shape is not the file's exact scan.
 */
class ScanTest {
	private static final Path FILE = Path.of("scan.raw");
	private static final int ROWS = 3;
	private static final int COLS = 4;

	/** Frames of ROWS x COLS uint16, big-endian, each after an 8-byte header; pixel (f, y, x) = 100 f + 10 y + x + 1. */
	private static ArraySource frames(int n) {
		int frame = 8 + ROWS * COLS * 2;
		ByteBuffer b = ByteBuffer.allocate(n * frame).order(ByteOrder.BIG_ENDIAN);
		for (int f = 0; f < n; f++) {
			for (int y = 0; y < ROWS; y++) {
				for (int x = 0; x < COLS; x++) {
					b.putShort(f * frame + 8 + (y * COLS + x) * 2, (short) (100 * f + 10 * y + x + 1));
				}
			}
		}
		Layout l = Layout.frames(DType.UINT16, ByteOrder.BIG_ENDIAN, 0, new long[] { n }, new long[] { ROWS, COLS }, 8, 0);
		return LayoutSource.frames(ByteSource.of(FILE, b), l);
	}

	private static ScanOptions opts(Object... kv) {
		Map<String, Object> m = new HashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return ScanOptions.parse(FILE, m, Flip.NONE);
	}

	/** Every element of the placed array against frameAt and the flip. */
	private static void checkPlaced(Scan scan, int stored) {
		ArraySource placed = scan.place(frames(stored));
		long[] nav = scan.navigation();
		long[] shape = placed.shape();
		assertEquals(nav.length + 2, shape.length);
		int[] count = Shapes.toInt(shape);
		ByteBuffer got = ByteBuffer.allocate((int) Shapes.size(count) * 2);
		placed.readInto(new long[shape.length], count, got);
		got.flip().order(ByteOrder.LITTLE_ENDIAN);
		for (long k = 0; k < scan.positions(); k++) {
			long f = scan.frameAt(k);
			for (int y = 0; y < ROWS; y++) {
				for (int x = 0; x < COLS; x++) {
					int sy = scan.flip().rows() ? ROWS - 1 - y : y;
					int sx = scan.flip().columns() ? COLS - 1 - x : x;
					int want = f < 0 ? 0 : (int) (100 * f + 10 * sy + sx + 1);
					assertEquals(want, got.getShort() & 0xffff, "position " + k + " pixel " + y + ", " + x);
				}
			}
		}
	}

	@Test
	void theMetadataShapeWhenItMatches() {
		Scan s = Scan.of(FILE, 12, opts(), Scan.Shape.known("the header", 3, 4));
		assertArrayEquals(new long[] { 3, 4 }, s.navigation());
		assertFalse(s.guessed());
		assertTrue(s.warnings().isEmpty(), s.warnings().toString());
		for (int k = 0; k < 12; k++) {
			assertEquals(k, s.frameAt(k));
		}
		checkPlaced(s, 12);
	}

	@Test
	void anInterruptedAcquisitionShowsItsWholeRows() {
		Scan s = Scan.of(FILE, 10, opts(), Scan.Shape.known("the header", 4, 3));
		assertArrayEquals(new long[] { 3, 3 }, s.navigation());
		assertTrue(s.warnings().get(0).contains("the first 3 whole rows are shown, the last 1 frames are left out"), s.warnings().toString());
		checkPlaced(s, 10);
		Scan stack = Scan.of(FILE, 2, opts(), Scan.Shape.known("the header", 4, 3));
		assertArrayEquals(new long[] { 2 }, stack.navigation());
		assertTrue(stack.warnings().get(0).contains("shown as a stack"));
	}

	@Test
	void withoutMetadataASquareIsAGuessAndAnythingElseAStack() {
		Scan sq = Scan.of(FILE, 9, opts(), null);
		assertArrayEquals(new long[] { 3, 3 }, sq.navigation());
		assertTrue(sq.guessed());
		assertTrue(sq.warnings().get(0).contains("is a guess"), sq.warnings().toString());
		Scan st = Scan.of(FILE, 6, opts(), null);
		assertArrayEquals(new long[] { 6 }, st.navigation());
		assertTrue(st.warnings().get(0).contains("shown as a stack"));
		Scan one = Scan.of(FILE, 1, opts(), null);
		assertArrayEquals(new long[0], one.navigation());
		checkPlaced(one, 1);
		Scan g = Scan.of(FILE, 8, opts(), Scan.Shape.guessed("time stamps", 2, 4));
		assertTrue(g.guessed());
		assertTrue(g.warnings().get(0).contains("is a guess (time stamps)"), g.warnings().toString());
		assertArrayEquals(new long[0], Scan.of(FILE, 1, opts(), Scan.Shape.known("hdr", 1, 1)).navigation(), "size-1 scan axes are dropped");
		assertArrayEquals(new long[] { 9 }, Scan.of(FILE, 9, opts(), Scan.Shape.known("hdr", 1, 9)).navigation());
	}

	@Test
	void firstLastFrameAndSyncOffset() {
		// frames 2..9 of 12, the first scan position two frames later: positions 0..5 show frames 4..9
		Scan s = Scan.of(FILE, 12, opts("first_frame", 2, "last_frame", "-2", "sync_offset", 2, "navigation_shape", "2,3"), null);
		assertArrayEquals(new long[] { 2, 3 }, s.navigation());
		assertEquals(4, s.frameAt(0));
		assertEquals(9, s.frameAt(5));
		checkPlaced(s, 12);
		// a negative offset: blank positions first, and blanks after the last frame used
		Scan b = Scan.of(FILE, 5, opts("sync_offset", -2, "navigation_shape", List.of(3, 3)), null);
		assertEquals(-1, b.frameAt(1));
		assertEquals(0, b.frameAt(2));
		assertEquals(4, b.frameAt(6));
		assertEquals(-1, b.frameAt(7));
		assertTrue(b.warnings().get(0).contains("the last 2 positions read as 0"), b.warnings().toString());
		checkPlaced(b, 5);
		assertThrows(InvalidRequestException.class, () -> Scan.of(FILE, 5, opts("first_frame", 3, "last_frame", 3), null));
		assertThrows(InvalidRequestException.class, () -> Scan.of(FILE, 5, opts("sync_offset", 5), null));
	}

	@Test
	void flipsMirrorEveryFrame() {
		for (Flip f : Flip.values()) {
			Scan s = Scan.of(FILE, 6, opts("flip", f.word(), "navigation_shape", "3x2"), null);
			assertEquals(f, s.flip());
			checkPlaced(s, 6);
		}
		assertEquals(Flip.Y, ScanOptions.parse(FILE, Map.of(), Flip.Y).flip(), "the format's default");
	}

	@Test
	void badOptionsAreOneLineNamingTheOption() {
		InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> opts("navigation_shape", "4,zero"));
		assertTrue(e.getMessage().contains("option navigation_shape"), e.getMessage());
		assertThrows(InvalidRequestException.class, () -> opts("navigation_shape", "0,4"));
		assertTrue(assertThrows(InvalidRequestException.class, () -> opts("flip", "up")).getMessage().contains("expected none, x, y or xy"));
		assertTrue(assertThrows(InvalidRequestException.class, () -> opts("first_frame", "1.5")).getMessage().contains("option first_frame"));
		List<String> names = ScanOptions.options(Flip.Y).stream().map(FormatOption::name).toList();
		assertEquals(List.of("navigation_shape", "first_frame", "last_frame", "sync_offset", "flip"), names);
	}

	@Test
	void aPartialLastFrameIsATruncatedAcquisition() {
		FormatException e = assertThrows(FormatException.class,
				() -> Scan.wholeFrames(FormatException::new, FILE, "MIB frame", 0, 10 * 32 + 5, 32, opts()));
		assertTrue(e.getMessage().contains("MIB frame 10 at 0x140: the file ends 5 bytes into this frame"), e.getMessage());
		assertTrue(e.getMessage().contains("last_frame=10"), e.getMessage());
		assertEquals(10, Scan.wholeFrames(FormatException::new, FILE, "MIB frame", 0, 10 * 32 + 5, 32, opts("last_frame", 10)));
		assertEquals(3, Scan.wholeFrames(FormatException::new, FILE, "MIB frame", 100, 100 + 3 * 32, 32, opts()));
	}
}
