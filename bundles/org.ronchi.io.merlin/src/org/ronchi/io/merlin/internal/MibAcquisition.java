package org.ronchi.io.merlin.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.ronchi.core.io.ByteSource;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.ChunkCache;
import org.ronchi.core.lazy.ChunkGrid;
import org.ronchi.core.lazy.ChunkedSource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Scan;
import org.ronchi.core.lazy.ScanOptions;
import org.ronchi.io.merlin.MerlinException;

/**
 * The frames of one acquisition: one {@code .mib} file, or the files of a sequence Merlin split it into
 * ({@code name1.mib}, {@code name2.mib}, ...: the same name with another number, each continuing the
 * sequence numbers of the one before). Opening reads the first header of each file and the last whole
 * frame's header, never the frames: every frame has the same header size and pixel count, so frame k
 * is at {@code k * stride} of the files read one after the other, and the last header checks that the
 * frames kept that size to the end.
 */
final class MibAcquisition implements AutoCloseable {
	/** Decoded RAW frames kept for the next small read (a slider over frames, a detector redrawn). */
	private static final long RAW_CACHE_BYTES = 64L << 20;
	/** A name ending in a number: the file may be one of a sequence. */
	private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)(\\.[mM][iI][bB])");

	final List<Path> files;
	final MibHeader first;
	final MibPixels pixels;
	final long stride;
	/** Whole frames stored. */
	final long frames;
	final List<String> warnings = new ArrayList<>();
	private final List<FileBytes> opened;
	private final ByteSource bytes;

	private record Part(Path path, FileBytes bytes, MibHeader first) {
	}

	private MibAcquisition(List<Part> parts, MibPixels pixels, long frames) {
		this.files = parts.stream().map(Part::path).toList();
		this.opened = parts.stream().map(Part::bytes).toList();
		this.first = parts.get(0).first;
		this.pixels = pixels;
		this.stride = pixels.stride(first);
		this.frames = frames;
		this.bytes = opened.size() == 1 ? opened.get(0) : ByteSource.concat(opened);
	}

	/**
	 * @throws MerlinException if the first frame header does not parse, the files of the sequence do not
	 *                         hold whole frames, or the last header does not match the first
	 */
	static MibAcquisition open(Path mib, ScanOptions options) {
		List<Part> parts = new ArrayList<>();
		try {
			Part opened = part(mib, true);
			parts.add(opened);
			MibPixels px = MibPixels.of(mib, "frame header 0 at 0x0", opened.first);
			long stride = px.stride(opened.first);
			List<Part> others = new ArrayList<>();
			for (Path p : sequenceSiblings(mib)) {
				Part o = part(p, false);
				if (o != null && o.first.sameFrames(opened.first)) {
					others.add(o);
				} else if (o != null) {
					o.bytes.close();
				}
			}
			chain(parts, others, stride);
			others.stream().filter(o -> !parts.contains(o)).forEach(o -> o.bytes.close());
			long total = 0;
			for (int i = 0; i < parts.size() - 1; i++) {
				total += parts.get(i).bytes.size() / stride; // whole frames: chain() takes no other file before the last
			}
			Part last = parts.get(parts.size() - 1);
			long lastFrames = Scan.wholeFrames(MerlinException::new, last.path, "MIB frame", 0, last.bytes.size(), stride, options);
			total += lastFrames;
			if (total == 0) {
				throw new MerlinException(mib, "frame 0", "the file ends before its first frame of " + stride + " bytes (" + px + ") is complete");
			}
			MibAcquisition a = new MibAcquisition(parts, px, total);
			if (lastFrames > 0) {
				a.checkLast(last, lastFrames);
			}
			return a;
		} catch (RuntimeException e) {
			parts.forEach(p -> p.bytes.close());
			throw e;
		}
	}

	/** Reads the first header of a file; null for a sibling that is not a Merlin file. */
	private static Part part(Path path, boolean required) {
		FileBytes f = FileBytes.open(path, MerlinException::new);
		try {
			MibHeader h = header(path, f, 0, "frame header 0");
			return new Part(path, f, h);
		} catch (RonchiException e) {
			f.close();
			if (required) {
				throw e;
			}
			return null;
		}
	}

	/** @return the header at offset, checked: its size field is read first, then the whole header */
	private static MibHeader header(Path path, ByteSource f, long offset, String structure) {
		String where = structure + " at 0x" + Long.toHexString(offset);
		if (!f.contains(offset, MibHeader.PREFIX)) {
			throw new MerlinException(path, where, "the file ends " + (f.size() - offset) + " bytes into a frame header");
		}
		ByteBuffer prefix = ByteBuffer.allocate(MibHeader.PREFIX);
		f.readFully(structure, offset, prefix);
		byte[] p = prefix.array();
		if (!new String(p, 0, MibHeader.MAGIC.length(), StandardCharsets.ISO_8859_1).equals(MibHeader.MAGIC)) {
			return MibHeader.parse(path, where, p); // fails naming what is there
		}
		int size = MibHeader.headerSize(path, where, p);
		if (!f.contains(offset, size)) {
			throw new MerlinException(path, where, "the file ends within this header of " + size + " bytes");
		}
		ByteBuffer all = ByteBuffer.allocate(size);
		f.readFully(structure, offset, all);
		return MibHeader.parse(path, where, all.array());
	}

	/**
	 * Extends parts (the opened file) backwards and forwards with the files whose first sequence number
	 * continues it; several candidates for one place (separate acquisitions named alike) end the chain.
	 */
	private static void chain(List<Part> parts, List<Part> others, long stride) {
		while (true) {
			Part head = parts.get(0);
			List<Part> before = others.stream().filter(o -> !parts.contains(o) && o.first.sequence + o.bytes.size() / stride == head.first.sequence)
					.toList();
			if (before.size() != 1 || before.get(0).bytes.size() % stride != 0) {
				break;
			}
			parts.add(0, before.get(0));
		}
		while (true) {
			Part tail = parts.get(parts.size() - 1);
			if (tail.bytes.size() % stride != 0) {
				break;
			}
			long next = tail.first.sequence + tail.bytes.size() / stride;
			List<Part> after = others.stream().filter(o -> !parts.contains(o) && o.first.sequence == next).toList();
			if (after.size() != 1) {
				break;
			}
			parts.add(after.get(0));
		}
	}

	/**
	 * @return files named as mib with another number at the end of the name ({@code scan_12.mib} for
	 *         {@code scan_3.mib}), not mib itself; none when the name does not end in a number
	 */
	static List<Path> sequenceSiblings(Path mib) {
		Matcher m = NUMBERED.matcher(mib.getFileName().toString());
		if (!m.matches()) {
			return List.of();
		}
		Pattern same = Pattern.compile(Pattern.quote(m.group(1)) + "\\d+" + Pattern.quote(m.group(3)));
		Path dir = mib.toAbsolutePath().getParent();
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> !p.getFileName().equals(mib.getFileName()) && same.matcher(p.getFileName().toString()).matches())
					.filter(Files::isRegularFile).sorted().toList();
		} catch (IOException e) {
			throw new RonchiException(mib, null, "cannot list its folder for the other files of the sequence: " + e.getMessage(), e);
		}
	}

	/** The last whole frame must be a frame of the same kind, numbered as the count says. */
	private void checkLast(Part last, long lastFrames) {
		long at = (lastFrames - 1) * stride;
		long k = frames - 1;
		MibHeader h;
		try {
			h = header(last.path, last.bytes, at, "frame header " + k);
		} catch (MerlinException e) {
			throw new MerlinException(last.path, "frame header " + k + " at 0x" + Long.toHexString(at),
					"the last frame, where the first header's frame size (" + stride + " bytes: " + pixels
							+ ") puts it, has no Merlin header; do the frames change size within the acquisition? (" + e.getMessage() + ")",
					e);
		}
		if (!h.sameFrames(first)) {
			throw new MerlinException(last.path, "frame header " + k + " at 0x" + Long.toHexString(at), "describes " + h.width + " x " + h.height + " "
					+ h.pixelType + " frames, the first header " + first.width + " x " + first.height + " " + first.pixelType + ": frames change within the acquisition");
		}
		if (h.sequence != first.sequence + k) {
			warnings.add("the last frame's sequence number is " + h.sequence + ", " + (first.sequence + k)
					+ " after the first frame's: frames are missing or were numbered otherwise");
		}
	}

	/** @return the stored frames {@code (n, rows, columns)} as the detector sees them (before any flip) */
	ArraySource frames() {
		long[] shape = { frames, pixels.rows, pixels.columns };
		if (!pixels.raw) {
			Layout l = Layout.frames(pixels.dtype, ByteOrder.BIG_ENDIAN, 0, new long[] { frames }, new long[] { pixels.rows, pixels.columns },
					first.size, 0);
			return LayoutSource.frames(bytes, l);
		}
		ChunkGrid grid = new ChunkGrid(shape, new int[] { 1, pixels.rows, pixels.columns });
		return new ChunkedSource(files.get(0), pixels.dtype, ByteOrder.LITTLE_ENDIAN, grid, new RawFrames(bytes, pixels, first.size, stride),
				new ChunkCache(RAW_CACHE_BYTES));
	}

	/**
	 * @param max how many frames at most
	 * @return the MQ1A time stamps (ns since 1970) of the first frames, or null if a header has none
	 */
	long[] timeStamps(int max) {
		int n = (int) Math.min(max, frames);
		long[] t = new long[n];
		for (int k = 0; k < n; k++) {
			MibHeader h = k == 0 ? first : header(files.get(0), bytes, k * stride, "frame header " + k);
			Long ns = h.epochNanos();
			if (ns == null) {
				return null;
			}
			t[k] = ns;
		}
		return t;
	}

	@Override
	public String toString() {
		return frames + " frames of " + pixels + " in " + files.size() + " file" + (files.size() == 1 ? "" : "s");
	}

	@Override
	public void close() {
		opened.forEach(FileBytes::close);
	}
}
