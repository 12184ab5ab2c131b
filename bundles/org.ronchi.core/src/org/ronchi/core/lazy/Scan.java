package org.ronchi.core.lazy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.metadata.MetadataTree;

/**
 * How the stream of frames a detector wrote becomes a navigation grid: the one place every raw-frame
 * format (Merlin, Arina, EMPAD, TVIPS, K2, SEQ, FRMS6) decides it, from the {@link ScanOptions} and what
 * the file's metadata says ({@link Shape}).
 * <ol>
 * <li>The frames used are {@code [first_frame, last_frame)} of the whole frames stored.</li>
 * <li>Navigation position k shows used frame {@code k + sync_offset}; positions before the first or
 * after the last used frame are blank (read as 0).</li>
 * <li>The grid is the {@code navigation_shape} option; else the metadata's shape, of which only whole
 * scan rows are shown when the acquisition stopped early (as RosettaSciIO does), size-1 axes dropped;
 * else a guess: a square grid when the frame count is a square, a stack of frames otherwise. Every
 * choice that is not the metadata's exact scan is said in {@link #warnings()}, and {@link #guessed()}
 * tells a guess.</li>
 * <li>{@link #place} shows frames {@code (n, rows, columns)} as {@code (navigation..., rows, columns)},
 * mirrored as the {@code flip} option says.</li>
 * </ol>
 */
public final class Scan {
	/**
	 * A scan shape a format found: in the metadata ({@link #known}) or worked out in a way that may be
	 * wrong ({@link #guessed}, e.g. from frame time stamps).
	 *
	 * @param navigation sizes, slowest first
	 * @param from       where it comes from, in words ("the .hdr's Frames per Trigger")
	 */
	public record Shape(long[] navigation, String from, boolean guessed) {
		public Shape {
			navigation = navigation.clone();
			for (long n : navigation) {
				if (n < 1) {
					throw new IllegalArgumentException("scan size " + n + " in " + Arrays.toString(navigation));
				}
			}
		}

		public static Shape known(String from, long... navigation) {
			return new Shape(navigation, from, false);
		}

		public static Shape guessed(String how, long... navigation) {
			return new Shape(navigation, how, true);
		}

		@Override
		public long[] navigation() {
			return navigation.clone();
		}
	}

	private final long stored;
	private final long first;
	private final long used;
	private final long sync;
	private final long[] navigation;
	private final String from;
	private final boolean guessed;
	private final ScanOptions.Flip flip;
	private final List<String> warnings;

	private Scan(long stored, long first, long used, long sync, long[] navigation, String from, boolean guessed, ScanOptions.Flip flip,
			List<String> warnings) {
		this.stored = stored;
		this.first = first;
		this.used = used;
		this.sync = sync;
		this.navigation = navigation;
		this.from = from;
		this.guessed = guessed;
		this.flip = flip;
		this.warnings = List.copyOf(warnings);
	}

	/**
	 * The number of whole frames between two positions of a file; a partial last frame is a truncated
	 * acquisition and refused, unless {@code last_frame} is given (the user then reads the whole ones).
	 *
	 * @param errors     the format's exception root (its constructor)
	 * @param structure  what a frame is called in the message ("MIB frame")
	 * @param dataStart  where the first frame starts
	 * @param dataEnd    where the frames end (the file size)
	 * @param frameBytes bytes of one frame with its header and footer
	 * @throws FormatException of the format's type naming the cut frame
	 */
	public static long wholeFrames(FileBytes.Errors errors, Path file, String structure, long dataStart, long dataEnd, long frameBytes,
			ScanOptions options) {
		if (frameBytes <= 0) {
			throw new IllegalArgumentException("frames of " + frameBytes + " bytes");
		}
		long n = Math.max(0, dataEnd - dataStart) / frameBytes;
		long rest = Math.max(0, dataEnd - dataStart) - n * frameBytes;
		if (rest != 0 && options.lastFrame() == null) {
			long at = dataStart + n * frameBytes;
			throw errors.create(file, structure + " " + n + " at 0x" + Long.toHexString(at), "the file ends " + rest + " bytes into this frame of "
					+ frameBytes + " (a truncated acquisition of " + n + " whole frames); " + ScanOptions.LAST_FRAME + "=" + n + " reads the whole ones", null);
		}
		return n;
	}

	/**
	 * @param frames   whole frames stored
	 * @param metadata the scan the file describes (or a format's guess), or null
	 * @throws InvalidRequestException if the options select no frame
	 */
	public static Scan of(Path file, long frames, ScanOptions options, Shape metadata) {
		long a = sliceIndex(options.firstFrame(), 0, frames);
		long b = sliceIndex(options.lastFrame(), frames, frames);
		if (b <= a) {
			throw new InvalidRequestException(file, "options " + ScanOptions.FIRST_FRAME + ", " + ScanOptions.LAST_FRAME,
					"select no frame of the " + frames + " stored (" + a + " to " + b + ")");
		}
		long used = b - a;
		long sync = options.syncOffset() == null ? 0 : options.syncOffset();
		long available = used - sync; // positions up to the last used frame
		if (available <= 0) {
			throw new InvalidRequestException(file, "option " + ScanOptions.SYNC_OFFSET, "skips all " + used + " frames used");
		}
		List<String> warnings = new ArrayList<>();
		long[] nav;
		String from;
		boolean guessed = false;
		if (options.navigationShape() != null) {
			nav = options.navigationShape();
			from = "the " + ScanOptions.NAVIGATION_SHAPE + " option";
			fit(nav, available, warnings);
		} else if (metadata != null) {
			nav = metadata.navigation();
			from = metadata.from();
			guessed = metadata.guessed();
			long cells = size(nav);
			if (cells > available) {
				long line = cells / nav[0];
				long rows = nav.length > 1 ? available / line : 0;
				if (rows > 0) {
					warnings.add("the scan (" + Shapes.format(nav) + ", " + from + ") needs " + cells + " frames but " + available
							+ " are there: the first " + rows + " whole rows are shown, the last " + (available - rows * line)
							+ " frames are left out (" + ScanOptions.NAVIGATION_SHAPE + " or " + ScanOptions.LAST_FRAME + " to choose)");
					nav[0] = rows;
				} else {
					warnings.add("the scan (" + Shapes.format(nav) + ", " + from + ") needs " + cells + " frames but " + available
							+ " are there: the frames are shown as a stack (" + ScanOptions.NAVIGATION_SHAPE + " to choose)");
					nav = new long[] { available };
					from = "the frames as stored";
					guessed = false;
				}
			} else if (cells < available) {
				warnings.add("the scan (" + Shapes.format(nav) + ", " + from + ") takes " + cells + " of the " + available
						+ " frames; the last " + (available - cells) + " are not shown (" + ScanOptions.NAVIGATION_SHAPE + " to choose)");
			}
			nav = squeeze(nav);
			if (guessed) {
				warnings.add("the scan shape " + Shapes.format(nav) + " is a guess (" + from + "); give " + ScanOptions.NAVIGATION_SHAPE
						+ " if it is wrong");
			}
		} else {
			long side = (long) Math.rint(Math.sqrt((double) available));
			if (available == 1) {
				nav = new long[0];
				from = "a single frame";
			} else if (side * side == available) {
				nav = new long[] { side, side };
				from = "a square of the " + available + " frames";
				guessed = true;
				warnings.add("the file records no scan shape: " + Shapes.format(nav) + " is a guess (the frame count is a square); give "
						+ ScanOptions.NAVIGATION_SHAPE + " if it is wrong");
			} else {
				nav = new long[] { available };
				from = "the frames as stored";
				warnings.add("the file records no scan shape: the " + available + " frames are shown as a stack; give "
						+ ScanOptions.NAVIGATION_SHAPE + " for a scan");
			}
		}
		return new Scan(frames, a, used, sync, nav, from, guessed, options.flip(), warnings);
	}

	/** Python slice semantics: negative counts from the end, then clamped to {@code [0, n]}. */
	private static long sliceIndex(Long v, long fallback, long n) {
		if (v == null) {
			return fallback;
		}
		long i = v < 0 ? v + n : v;
		return Math.max(0, Math.min(n, i));
	}

	/** A shape given by the user: say what it leaves out or leaves blank. */
	private static void fit(long[] nav, long available, List<String> warnings) {
		double cells = 1;
		for (long n : nav) {
			cells *= n;
		}
		if (cells > available) {
			warnings.add(ScanOptions.NAVIGATION_SHAPE + " " + Shapes.format(nav) + " has " + (long) cells + " positions for " + available
					+ " frames: the last " + ((long) cells - available) + " positions read as 0");
		} else if (cells < available) {
			warnings.add(ScanOptions.NAVIGATION_SHAPE + " " + Shapes.format(nav) + " takes " + (long) cells + " of the " + available
					+ " frames; the last " + (available - (long) cells) + " are not shown");
		}
	}

	private static long size(long[] nav) {
		long s = 1;
		for (long n : nav) {
			s = Math.multiplyExact(s, n);
		}
		return s;
	}

	private static long[] squeeze(long[] nav) {
		return Arrays.stream(nav).filter(n -> n != 1).toArray();
	}

	/** @return the navigation sizes, slowest first (empty for a single frame) */
	public long[] navigation() {
		return navigation.clone();
	}

	/** @return the number of navigation positions */
	public long positions() {
		return size(navigation);
	}

	/** @return where the shape comes from, in words */
	public String from() {
		return from;
	}

	/** @return true if the shape is a guess (neither given by the user nor recorded in the file) */
	public boolean guessed() {
		return guessed;
	}

	/** @return what users should know about the shape (a guess, frames left out, blank positions) */
	public List<String> warnings() {
		return warnings;
	}

	public ScanOptions.Flip flip() {
		return flip;
	}

	/** @return the stored frame shown at navigation position k (C order), or -1 for a blank position */
	public long frameAt(long k) {
		long f = first + sync + k;
		return k < 0 || k >= positions() || f < first || f >= first + used ? -1 : f;
	}

	/**
	 * @param frames the stored frames {@code (n, rows, columns)} (or with more signal axes; rows and
	 *               columns are the last two), n the count given to {@link #of}
	 * @return them on the navigation grid, mirrored as {@code flip} says
	 */
	public ArraySource place(ArraySource frames) {
		long[] s = frames.shape();
		if (s.length < 1 || s[0] != stored) {
			throw new IllegalArgumentException("frames " + Arrays.toString(s) + " for a scan of " + stored + " stored frames");
		}
		ArraySource f = frames;
		if (flip != ScanOptions.Flip.NONE && s.length < 3) {
			throw new IllegalArgumentException("frames " + Arrays.toString(s) + " have no rows and columns to flip");
		}
		if (flip.rows()) {
			f = Views.flip(f, s.length - 2);
		}
		if (flip.columns()) {
			f = Views.flip(f, s.length - 1);
		}
		if (first != 0 || used != stored) {
			f = Views.window(f, 0, first, used);
		}
		if (sync != 0 || positions() != used) {
			f = Views.window(f, 0, sync, positions());
		}
		if (navigation.length == 0) {
			return Views.fix(f, 0, 0);
		}
		return navigation.length == 1 ? f : Views.unflatten(f, 0, navigation);
	}

	/** @return the choices made, for the original metadata ("scan") */
	public MetadataTree toTree() {
		MetadataTree t = new MetadataTree();
		t.put(ScanOptions.NAVIGATION_SHAPE, Arrays.stream(navigation).boxed().toList());
		t.put("from", from);
		t.put("guessed", guessed);
		t.put("frames_stored", stored);
		t.put(ScanOptions.FIRST_FRAME, first);
		t.put(ScanOptions.LAST_FRAME, first + used);
		t.put(ScanOptions.SYNC_OFFSET, sync);
		t.put(ScanOptions.FLIP, flip.word());
		return t;
	}

	@Override
	public String toString() {
		return Shapes.format(navigation) + " from " + from + (guessed ? " (a guess)" : "");
	}
}
