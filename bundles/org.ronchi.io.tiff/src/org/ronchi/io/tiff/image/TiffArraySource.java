package org.ronchi.io.tiff.image;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.ChunkCache;
import org.ronchi.core.lazy.ChunkGrid;
import org.ronchi.core.lazy.ChunkLoader;
import org.ronchi.core.lazy.ChunkedSource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.io.tiff.TiffException;
import org.ronchi.io.tiff.codec.Block;
import org.ronchi.io.tiff.codec.BlockCodec;
import org.ronchi.io.tiff.codec.Compression;
import org.ronchi.io.tiff.codec.Predictor;

/**
 * The pixels of one signal: one page, or pages of equal layout stacked along navigation axes, read
 * through the core byte backend. Uncompressed strips are a {@link Layout} whose frames are rows (each
 * row found through its strip's offset), so a read fetches only the rows and samples it needs, rows of
 * adjacent strips in one read. Compressed or tiled pages are a {@link ChunkedSource}: a strip or tile is a
 * chunk, decoded whole ({@link BlockCodec}, then the predictor) and kept in the file's {@link ChunkCache}.
 */
public final class TiffArraySource implements ArraySource {
	private final FileBytes file;
	private final PageLayout first;
	private final ArraySource pixels;

	/**
	 * @param pages         in C order of the navigation axes; all of one layout
	 * @param navShape      navigation dimensions, product = number of pages (empty for one page)
	 * @param visibleHeight rows exposed per page (fewer than stored when a databar is cropped)
	 * @param cache         the file's cache of decoded blocks
	 */
	public TiffArraySource(FileBytes file, List<PageLayout> pages, long[] navShape, int visibleHeight, ChunkCache cache) {
		if (Shapes.size(navShape) != pages.size()) {
			throw new IllegalArgumentException("navigation shape " + Shapes.format(navShape) + " for " + pages.size() + " pages");
		}
		this.file = file;
		// not copied: ImageJ's pages are made on demand
		List<PageLayout> all = Collections.unmodifiableList(pages);
		this.first = pages.get(0);
		long[] page = first.shape();
		page[first.planarSeparate() ? 1 : 0] = visibleHeight;
		long[] shape = new long[navShape.length + page.length];
		System.arraycopy(navShape, 0, shape, 0, navShape.length);
		System.arraycopy(page, 0, shape, navShape.length, page.length);
		boolean strips = true;
		for (PageLayout p : all) {
			strips &= p.compression() == Compression.NONE && !p.tiled();
		}
		this.pixels = strips ? Rows.source(file, all, shape, navShape.length) : Blocks.source(file, all, shape, navShape.length, cache);
	}

	/** A cache for the decoded blocks of one file: 64 MB. */
	public static ChunkCache newCache() {
		return new ChunkCache(64L << 20);
	}

	@Override
	public DType dtype() {
		return first.dtype();
	}

	@Override
	public long[] shape() {
		return pixels.shape();
	}

	/** One page per chunk: what a processing partition should align with. */
	@Override
	public int[] chunkShape() {
		long[] s = shape();
		int[] c = new int[s.length];
		int page = first.shape().length;
		for (int i = 0; i < s.length; i++) {
			c[i] = i < s.length - page ? 1 : (int) s[i];
		}
		return c;
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		try {
			return pixels.read(start, count);
		} catch (RuntimeException e) {
			throw wrapped(e);
		}
	}

	@Override
	public void readInto(long[] start, int[] count, ByteBuffer target) {
		try {
			pixels.readInto(start, count, target);
		} catch (java.nio.BufferOverflowException e) {
			throw e;
		} catch (RuntimeException e) {
			throw wrapped(e);
		}
	}

	/** A decoder bug must still surface as this bundle's error, naming the file. */
	private RuntimeException wrapped(RuntimeException e) {
		if (e instanceof RonchiException) {
			return e;
		}
		return new TiffException(file.path(), "pixels of page " + first.pageNumber(), "unexpected error while reading: " + e, e);
	}

	/** Uncompressed strips: rows found through their strip's offset. */
	private static final class Rows {
		/** The strips of the page read last (rows of one page come one after another); pages may differ in RowsPerStrip. */
		private record Page(int index, int number, long[] offsets, int rowsPerStrip, int stripsDown) {
		}

		private final List<PageLayout> pages;
		private final int planes;
		private final int height;
		private final long rowBytes;
		/** Per thread: the pieces of a big read run in parallel, each through its own pages. */
		private final ThreadLocal<Page> last = new ThreadLocal<>();

		private Rows(List<PageLayout> pages, int height) {
			this.pages = pages;
			PageLayout p = pages.get(0);
			this.planes = p.planarSeparate() ? p.samples() : 1;
			this.height = height;
			this.rowBytes = (long) p.width() * p.blockSamples() * p.sampleBytes();
		}

		/**
		 * Frames are rows: (navigation..., row) for chunky pixels, (navigation..., sample, row) for
		 * planar-separate ones, whose strips hold one sample each.
		 */
		static ArraySource source(FileBytes file, List<PageLayout> pages, long[] shape, int nav) {
			PageLayout p = pages.get(0);
			int frameRank = nav + (p.planarSeparate() ? 2 : 1);
			Rows rows = new Rows(pages, (int) shape[frameRank - 1]);
			Layout l = Layout.of(p.dtype(), p.ifd().order(), 0, shape).framesAt(frameRank, rows::origin)
					.named(k -> "strips of page " + rows.page((int) (k / rows.height / rows.planes)).number());
			return new LayoutSource(file, l, null);
		}

		private Page page(int index) {
			Page pg = last.get();
			if (pg == null || pg.index != index) {
				PageLayout p = pages.get(index);
				pg = new Page(index, p.pageNumber(), p.storage()[0], p.blockHeight(), p.blocksDown());
				last.set(pg);
			}
			return pg;
		}

		/** @return where row k starts (k counts rows over pages, and samples for planar pages), -1 in a sparse strip */
		long origin(long k) {
			int row = (int) (k % height);
			int plane = (int) (k / height % planes);
			Page pg = page((int) (k / height / planes));
			long at = pg.offsets[plane * pg.stripsDown + row / pg.rowsPerStrip];
			return at < 0 ? -1 : at + row % pg.rowsPerStrip * rowBytes;
		}
	}

	/** Compressed or tiled pages: each strip or tile a chunk, decoded whole. */
	private static final class Blocks {
		private Blocks() {
		}

		static ArraySource source(FileBytes file, List<PageLayout> pages, long[] shape, int nav, ChunkCache cache) {
			PageLayout p = pages.get(0);
			int[] chunk = new int[shape.length];
			java.util.Arrays.fill(chunk, 1);
			int rows = nav + (p.planarSeparate() ? 1 : 0);
			chunk[rows] = p.blockHeight();
			chunk[rows + 1] = p.blockWidth();
			if (!p.planarSeparate() && p.samples() > 1) {
				chunk[rows + 2] = p.samples();
			}
			long[] navShape = java.util.Arrays.copyOf(shape, nav);
			long[] navStrides = Shapes.strides(navShape);
			ChunkLoader loader = (origin, keep) -> { // decoded blocks are new arrays: the cache may keep them
				long page = 0;
				for (int d = 0; d < nav; d++) {
					page += origin[d] * navStrides[d];
				}
				PageLayout pl = pages.get((int) page);
				int plane = pl.planarSeparate() ? (int) origin[nav] : 0;
				int bi = (plane * pl.blocksDown() + (int) (origin[rows] / pl.blockHeight())) * pl.blocksAcross()
						+ (int) (origin[rows + 1] / pl.blockWidth());
				return decode(file, pl, bi);
			};
			return new ChunkedSource(file.path(), p.dtype(), p.ifd().order(), new ChunkGrid(shape, chunk), loader, cache);
		}

		/** @return block bi of a page decoded (samples in the file's byte order), null if it was never written */
		private static byte[] decode(FileBytes file, PageLayout p, int bi) {
			long[][] storage = p.storage();
			Block b = p.block(bi, storage[0][bi]);
			if (b.offset() < 0) {
				return null;
			}
			BlockCodec codec = p.codec();
			if (codec == null) {
				return file.read(b.name(), b.offset(), b.bytes()).array();
			}
			byte[] data = codec.decode(file.read(b.name(), b.offset(), storage[1][bi]).array(), b);
			if (p.compression() == Compression.LZW || p.compression() == Compression.ADOBE_DEFLATE
					|| p.compression() == Compression.DEFLATE) {
				// libtiff applies the predictor in these codecs only; PackBits and JPEG ignore the tag
				Predictor.undo(p.predictor(), data, b);
			}
			return data;
		}
	}
}
