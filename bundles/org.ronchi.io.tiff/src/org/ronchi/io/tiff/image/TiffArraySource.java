package org.ronchi.io.tiff.image;

import java.nio.ByteBuffer;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.io.tiff.TiffException;
import org.ronchi.io.tiff.codec.Block;
import org.ronchi.io.tiff.codec.BlockCodec;
import org.ronchi.io.tiff.codec.Compression;
import org.ronchi.io.tiff.codec.Predictor;
import org.ronchi.io.tiff.format.TiffChannel;

/**
 * The pixels of one signal: one page, or pages of equal layout stacked along navigation axes. A read
 * touches only the strips or tiles that intersect the requested box: uncompressed rows are read in place
 * (runs of adjacent strips in one call), compressed blocks are decoded whole and cached.
 */
public final class TiffArraySource implements ArraySource {
	private final TiffChannel ch;
	private final List<PageLayout> pages;
	private final long[] navShape;
	private final long[] pageShape;
	private final int visibleHeight;
	private final PageLayout first;
	private final BlockCache cache;

	/**
	 * @param pages         in C order of the navigation axes; all of one layout
	 * @param navShape      navigation dimensions, product = number of pages (empty for one page)
	 * @param visibleHeight rows exposed per page (fewer than stored when a databar is cropped)
	 */
	public TiffArraySource(TiffChannel ch, List<PageLayout> pages, long[] navShape, int visibleHeight, BlockCache cache) {
		this.ch = ch;
		this.pages = java.util.Collections.unmodifiableList(pages); // not copied: ImageJ's pages are made on demand
		this.navShape = navShape.clone();
		this.first = pages.get(0);
		this.visibleHeight = visibleHeight;
		long[] ps = first.shape();
		ps[first.planarSeparate() ? 1 : 0] = visibleHeight;
		this.pageShape = ps;
		this.cache = cache;
		if (Shapes.size(navShape) != pages.size()) {
			throw new IllegalArgumentException("navigation shape " + Shapes.format(navShape) + " for " + pages.size() + " pages");
		}
	}

	/** A cache for the decoded blocks of one file: 64 MB. */
	public static BlockCache newCache() {
		return new BlockCache(64L << 20);
	}

	@Override
	public DType dtype() {
		return first.dtype();
	}

	@Override
	public long[] shape() {
		long[] s = new long[navShape.length + pageShape.length];
		System.arraycopy(navShape, 0, s, 0, navShape.length);
		System.arraycopy(pageShape, 0, s, navShape.length, pageShape.length);
		return s;
	}

	@Override
	public int[] chunkShape() {
		int[] c = new int[navShape.length + pageShape.length];
		for (int i = 0; i < navShape.length; i++) {
			c[i] = 1;
		}
		for (int i = 0; i < pageShape.length; i++) {
			c[navShape.length + i] = (int) pageShape[i];
		}
		return c;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		try {
			return readBox(start, count);
		} catch (RonchiException e) {
			throw e;
		} catch (RuntimeException e) {
			// a decoder bug must still surface as this bundle's error, naming the file
			throw new TiffException(ch.path(), "pixels of page " + first.pageNumber(), "unexpected error while reading: " + e, e);
		}
	}

	private Dataset readBox(long[] start, int[] count) {
		long[] shape = shape();
		if (start.length != shape.length || count.length != shape.length) {
			throw new InvalidRequestException(ch.path(), "signal", "slice rank " + start.length + " for rank " + shape.length);
		}
		for (int i = 0; i < shape.length; i++) {
			if (start[i] < 0 || count[i] < 0 || start[i] + count[i] > shape[i]) {
				throw new InvalidRequestException(ch.path(), "signal", "slice [" + start[i] + ", " + (start[i] + count[i])
						+ ") outside dimension " + i + " of size " + shape[i]);
			}
		}
		int itemSize = dtype().itemSize();
		long bytes = Shapes.size(count) * itemSize;
		if (bytes > Integer.MAX_VALUE - 16) {
			throw new InvalidRequestException(ch.path(), "signal", "a slice of " + bytes + " bytes does not fit one array");
		}
		byte[] out = new byte[(int) bytes];
		int nav = navShape.length;
		int[] win = new int[6]; // page window: sample start/count, row start/count, column start/count
		window(start, count, nav, win);
		long pageWindowBytes = (long) win[1] * win[3] * win[5] * itemSize;
		long navCount = 1;
		for (int i = 0; i < nav; i++) {
			navCount *= count[i];
		}
		long[] idx = new long[nav];
		for (int i = 0; i < nav; i++) {
			idx[i] = start[i];
		}
		if (pageWindowBytes > 0) {
			for (long k = 0; k < navCount; k++) {
				long flat = 0;
				for (int i = 0; i < nav; i++) {
					flat = flat * navShape[i] + idx[i];
				}
				readPage(pages.get((int) flat), win, out, (int) (k * pageWindowBytes));
				for (int i = nav - 1; i >= 0; i--) {
					if (++idx[i] < start[i] + count[i]) {
						break;
					}
					idx[i] = start[i];
				}
			}
		}
		return Buffers.decode(dtype(), ByteBuffer.wrap(out).order(ch.order()), count);
	}

	/** Splits the page dimensions of a request into sample, row and column ranges. */
	private void window(long[] start, int[] count, int nav, int[] win) {
		win[0] = 0;
		win[1] = 1;
		int r = nav;
		if (pageShape.length == 3 && first.planarSeparate()) {
			win[0] = (int) start[nav];
			win[1] = count[nav];
			r++;
		}
		win[2] = (int) start[r];
		win[3] = count[r];
		win[4] = (int) start[r + 1];
		win[5] = count[r + 1];
		if (pageShape.length == 3 && !first.planarSeparate()) {
			win[0] = (int) start[r + 2];
			win[1] = count[r + 2];
		}
	}

	private void readPage(PageLayout p, int[] win, byte[] out, int base) {
		int s0 = win[0], ns = win[1], r0 = win[2], nr = win[3], c0 = win[4], nc = win[5];
		long[][] storage = p.storage();
		if (p.compression() == Compression.NONE && !p.tiled() && !p.planarSeparate() && c0 == 0 && nc == p.width()
				&& ns == p.samples()) {
			readRowsInPlace(p, storage, r0, nr, out, base);
			return;
		}
		int bps = p.sampleBytes();
		int spp = p.blockSamples();
		int bw = p.blockWidth();
		int bh = p.blockHeight();
		int rowBytes = bw * spp * bps;
		int planes = p.planarSeparate() ? ns : 1;
		for (int pl = 0; pl < planes; pl++) {
			int plane = p.planarSeparate() ? s0 + pl : 0;
			for (int by = r0 / bh; by <= (r0 + nr - 1) / bh; by++) {
				for (int bx = c0 / bw; bx <= (c0 + nc - 1) / bw; bx++) {
					int bi = (plane * p.blocksDown() + by) * p.blocksAcross() + bx;
					Block b = p.block(bi, storage[0][bi]);
					int ra = Math.max(r0, by * bh);
					int rb = Math.min(r0 + nr, by * bh + b.rows());
					int ca = Math.max(c0, bx * bw);
					int cb = Math.min(c0 + nc, Math.min(p.width(), (bx + 1) * bw));
					if (ra >= rb || ca >= cb) {
						continue;
					}
					Rows rows = fetch(p, bi, b, storage[1][bi], ra - by * bh, rb - ra);
					if (rows == null) {
						continue; // sparse block: zeros
					}
					for (int r = ra; r < rb; r++) {
						int src = rows.offset + (r - ra) * rowBytes;
						if (p.planarSeparate()) {
							int dst = base + ((pl * nr + (r - r0)) * nc + (ca - c0)) * bps;
							System.arraycopy(rows.data, src + (ca - bx * bw) * bps, out, dst, (cb - ca) * bps);
						} else if (ns == spp) {
							int dst = base + ((r - r0) * nc + (ca - c0)) * ns * bps;
							System.arraycopy(rows.data, src + (ca - bx * bw) * spp * bps, out, dst, (cb - ca) * spp * bps);
						} else {
							for (int c = ca; c < cb; c++) {
								int dst = base + (((r - r0) * nc + (c - c0)) * ns) * bps;
								System.arraycopy(rows.data, src + ((c - bx * bw) * spp + s0) * bps, out, dst, ns * bps);
							}
						}
					}
				}
			}
		}
	}

	/** Full-width rows of uncompressed strips: straight from the file, strips adjacent on disk in one read. */
	private void readRowsInPlace(PageLayout p, long[][] storage, int r0, int nr, byte[] out, int base) {
		int rowBytes = p.width() * p.samples() * p.sampleBytes();
		int bh = p.blockHeight();
		int r = r0;
		long runStart = -1;
		int runDst = 0;
		int runLen = 0;
		while (r < r0 + nr) {
			int strip = r / bh;
			int stripEnd = Math.min(r0 + nr, Math.min(p.height(), (strip + 1) * bh));
			long at = storage[0][strip] + (long) (r - strip * bh) * rowBytes;
			int len = (stripEnd - r) * rowBytes;
			int dst = base + (r - r0) * rowBytes;
			if (storage[0][strip] < 0) {
				flush(p, runStart, out, runDst, runLen); // sparse strip: its rows stay zero
				runStart = -1;
				runLen = 0;
			} else if (runStart >= 0 && runStart + runLen == at) {
				runLen += len;
			} else {
				flush(p, runStart, out, runDst, runLen);
				runStart = at;
				runDst = dst;
				runLen = len;
			}
			r = stripEnd;
		}
		flush(p, runStart, out, runDst, runLen);
	}

	private void flush(PageLayout p, long at, byte[] out, int dst, int len) {
		if (at < 0 || len == 0) {
			return;
		}
		String what = "strips of page " + p.pageNumber();
		if (!ch.contains(at, len)) {
			throw TiffException.at(ch.path(), what, at, len + " bytes needed but the file ends at byte " + ch.size());
		}
		ch.readFully(ByteBuffer.wrap(out, dst, len), at, what);
	}

	/** Decoded rows of a block, and where the first requested row starts in {@code data}. */
	private record Rows(byte[] data, int offset) {
	}

	private Rows fetch(PageLayout p, int bi, Block b, long storedBytes, int firstRow, int nrows) {
		if (b.offset() < 0) {
			return null;
		}
		BlockCodec codec = p.codec();
		if (codec == null) {
			long at = b.offset() + (long) firstRow * b.rowBytes();
			ByteBuffer buf = ch.read(at, (long) nrows * b.rowBytes(), b.name());
			return new Rows(buf.array(), 0);
		}
		BlockCache.Key key = new BlockCache.Key(p, bi);
		byte[] data = cache.get(key);
		if (data == null) {
			ByteBuffer stored = ch.read(b.offset(), storedBytes, b.name());
			data = codec.decode(stored.array(), b);
			if (p.compression() == Compression.LZW || p.compression() == Compression.ADOBE_DEFLATE
					|| p.compression() == Compression.DEFLATE) {
				// libtiff applies the predictor in these codecs only; PackBits and JPEG ignore the tag
				Predictor.undo(p.predictor(), data, b);
			}
			cache.put(key, data);
		}
		return new Rows(data, firstRow * b.rowBytes());
	}

	/** @return the pages behind this signal, in navigation order */
	public List<PageLayout> pages() {
		return pages;
	}

	/** @return rows exposed per page */
	public int visibleHeight() {
		return visibleHeight;
	}
}
