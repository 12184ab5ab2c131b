package org.ronchi.io.tiff.image;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Arrays;

import org.ronchi.core.model.DType;
import org.ronchi.io.tiff.TiffException;
import org.ronchi.io.tiff.codec.Block;
import org.ronchi.io.tiff.codec.BlockCodec;
import org.ronchi.io.tiff.codec.Compression;
import org.ronchi.io.tiff.codec.Predictor;
import org.ronchi.io.tiff.format.Ifd;
import org.ronchi.io.tiff.format.IfdEntry;
import org.ronchi.io.tiff.format.Tags;

/**
 * How one page's pixels are stored (TIFF 6.0 sections 3-8, 15): size, samples, element type, compression,
 * and the grid of strips or tiles. Built from the IFD's scalar tags only; the strip/tile offset arrays are
 * read when the storage is validated or read, and kept softly.
 */
public final class PageLayout {
	public static final int PHOTOMETRIC_MINISWHITE = 0;
	public static final int PHOTOMETRIC_MINISBLACK = 1;
	public static final int PHOTOMETRIC_RGB = 2;
	public static final int PHOTOMETRIC_PALETTE = 3;
	public static final int PHOTOMETRIC_YCBCR = 6;

	private final Ifd ifd;
	private final int width;
	private final int height;
	private final int samples;
	private final int sampleBytes;
	private final DType dtype;
	private final int compression;
	private final int predictor;
	private final int photometric;
	private final boolean planarSeparate;
	private final boolean tiled;
	private final int blockWidth;
	private final int blockHeight;
	private final long subfileType;
	/** Added to every block offset: ImageJ stores pages past the first without IFDs, one after another. */
	private final long shift;
	private final int pageNumber;
	private BlockCodec codec;
	private SoftReference<long[][]> storage = new SoftReference<>(null);

	private PageLayout(Ifd ifd, int width, int height, int samples, int sampleBytes, DType dtype, int compression,
			int predictor, int photometric, boolean planarSeparate, boolean tiled, int blockWidth, int blockHeight,
			long subfileType, long shift, int pageNumber) {
		this.ifd = ifd;
		this.width = width;
		this.height = height;
		this.samples = samples;
		this.sampleBytes = sampleBytes;
		this.dtype = dtype;
		this.compression = compression;
		this.predictor = predictor;
		this.photometric = photometric;
		this.planarSeparate = planarSeparate;
		this.tiled = tiled;
		this.blockWidth = blockWidth;
		this.blockHeight = blockHeight;
		this.subfileType = subfileType;
		this.shift = shift;
		this.pageNumber = pageNumber;
	}

	/** Parses the scalar layout tags of a page; fails on what this reader cannot decode. */
	public static PageLayout of(Ifd ifd) {
		Path file = ifd.file().path();
		String where = "IFD " + ifd.index();
		long w = required(ifd, Tags.IMAGE_WIDTH, "ImageWidth");
		long h = required(ifd, Tags.IMAGE_LENGTH, "ImageLength");
		if (w < 1 || h < 1 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
			throw TiffException.at(file, where, ifd.offset(), "invalid image size " + w + " x " + h);
		}
		long spp = ifd.scalar(Tags.SAMPLES_PER_PIXEL, 1);
		if (spp < 1 || spp > 64) {
			throw TiffException.at(file, where, ifd.offset(), "invalid SamplesPerPixel " + spp);
		}
		int bits = bitsPerSample(ifd, (int) spp);
		int format = (int) ifd.scalar(Tags.SAMPLE_FORMAT, 1);
		DType dtype = dtype(format, bits, file, where);
		int compression = (int) ifd.scalar(Tags.COMPRESSION, Compression.NONE);
		int predictor = (int) ifd.scalar(Tags.PREDICTOR, Predictor.NONE);
		Predictor.check(predictor, file, where);
		int photometric = (int) ifd.scalar(Tags.PHOTOMETRIC, spp >= 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK);
		if (photometric == PHOTOMETRIC_YCBCR && compression != Compression.JPEG) {
			throw new TiffException(file, where, "unsupported: YCbCr pixels without JPEG compression");
		}
		boolean planar = spp > 1 && ifd.scalar(Tags.PLANAR_CONFIGURATION, 1) == 2;
		boolean tiled = ifd.has(Tags.TILE_WIDTH) || ifd.has(Tags.TILE_OFFSETS);
		long bw;
		long bh;
		if (tiled) {
			bw = ifd.scalar(Tags.TILE_WIDTH, 0);
			bh = ifd.scalar(Tags.TILE_LENGTH, 0);
			if (bw < 1 || bh < 1 || bw > 1 << 20 || bh > 1 << 20) {
				throw TiffException.at(file, where, ifd.offset(), "invalid tile size " + bw + " x " + bh);
			}
			if (!ifd.has(Tags.TILE_OFFSETS)) {
				throw TiffException.at(file, where, ifd.offset(), "required tag TileOffsets (324) is missing");
			}
		} else {
			bw = w;
			bh = ifd.scalar(Tags.ROWS_PER_STRIP, h);
			if (bh < 1) {
				throw TiffException.at(file, where, ifd.offset(), "invalid RowsPerStrip " + bh);
			}
			bh = Math.min(bh, h);
			if (!ifd.has(Tags.STRIP_OFFSETS)) {
				throw TiffException.at(file, where, ifd.offset(), "required tag StripOffsets (273) is missing");
			}
		}
		long blockBytes = bw * bh * (planar ? 1 : spp) * (bits / 8);
		if (blockBytes > Integer.MAX_VALUE - 16) {
			throw TiffException.at(file, where, ifd.offset(), "unsupported: one strip or tile of " + blockBytes + " bytes");
		}
		PageLayout p = new PageLayout(ifd, (int) w, (int) h, (int) spp, bits / 8, dtype, compression, predictor,
				photometric, planar, tiled, (int) bw, (int) bh, ifd.scalar(Tags.NEW_SUBFILE_TYPE, 0), 0, ifd.index());
		// fails now for an unsupported scheme; the decoder itself is made on first read (JPEG reads its tables)
		Compression.codec(compression, null, photometric, file, where);
		return p;
	}

	private static long required(Ifd ifd, int tag, String name) {
		if (!ifd.has(tag)) {
			throw TiffException.at(ifd.file().path(), "IFD " + ifd.index(), ifd.offset(),
					"required tag " + name + " (" + tag + ") is missing");
		}
		return ifd.scalar(tag, 0);
	}

	private static int bitsPerSample(Ifd ifd, int spp) {
		IfdEntry e = ifd.entry(Tags.BITS_PER_SAMPLE);
		if (e == null) {
			return 1;
		}
		long[] b = e.count() <= 64 ? ifd.longs(e) : new long[] { ifd.scalar(Tags.BITS_PER_SAMPLE, 1) };
		for (long v : b) {
			if (v != b[0]) {
				throw new TiffException(ifd.file().path(), "IFD " + ifd.index(),
						"unsupported: samples of different sizes " + Arrays.toString(b));
			}
		}
		return b.length == 0 ? 1 : (int) Math.min(b[0], 1024);
	}

	/** SampleFormat (tag 339) and BitsPerSample to a NumPy type; the one switch over sample encodings. */
	private static DType dtype(int format, int bits, Path file, String where) {
		String problem = null;
		switch (format) {
		case 1, 4 -> { // unsigned integer; 4 = "undefined", read as unsigned like libtiff
			if (bits == 8 || bits == 16 || bits == 32 || bits == 64) {
				return DType.integer(bits / 8, false);
			}
			problem = "unsupported bits per sample: " + bits + (bits == 1 ? " (bilevel)" : "");
		}
		case 2 -> {
			if (bits == 8 || bits == 16 || bits == 32 || bits == 64) {
				return DType.integer(bits / 8, true);
			}
			problem = "unsupported bits per sample: " + bits + " (signed)";
		}
		case 3 -> {
			if (bits == 32 || bits == 64) {
				return DType.floating(bits / 8);
			}
			problem = "unsupported floating-point sample size: " + bits + " bits";
		}
		case 6 -> {
			if (bits == 64 || bits == 128) {
				return bits == 64 ? DType.COMPLEX64 : DType.COMPLEX128;
			}
			problem = "unsupported complex sample size: " + bits + " bits";
		}
		default -> problem = "unsupported sample format: " + format + (format == 5 ? " (complex integer)" : "");
		}
		throw new TiffException(file, where, problem);
	}

	/**
	 * @return a copy describing page {@code pageNumber}, stored {@code by} bytes after this one with the same
	 *         layout (ImageJ's IFD-less stacks)
	 */
	public PageLayout shifted(long by, int number) {
		return new PageLayout(ifd, width, height, samples, sampleBytes, dtype, compression, predictor, photometric,
				planarSeparate, tiled, blockWidth, blockHeight, subfileType, shift + by, number);
	}

	/** @return the shape of one page: (h, w), (h, w, samples), or (samples, h, w) for planar-separate data */
	public long[] shape() {
		if (samples == 1) {
			return new long[] { height, width };
		}
		return planarSeparate ? new long[] { samples, height, width } : new long[] { height, width, samples };
	}

	/** @return what pages must share to stack: shape and element type */
	public String stackKey() {
		return Arrays.toString(shape()) + " " + dtype + (planarSeparate ? " planar" : "");
	}

	/** @return true for a reduced-resolution copy (NewSubfileType bit 0): thumbnails, pyramid levels */
	public boolean isReducedResolution() {
		return (subfileType & 1) != 0;
	}

	public Ifd ifd() {
		return ifd;
	}

	/** @return the page number (IFD index, or the virtual number of an IFD-less ImageJ page) */
	public int pageNumber() {
		return pageNumber;
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int samples() {
		return samples;
	}

	public int sampleBytes() {
		return sampleBytes;
	}

	public DType dtype() {
		return dtype;
	}

	public int compression() {
		return compression;
	}

	public int photometric() {
		return photometric;
	}

	public boolean planarSeparate() {
		return planarSeparate;
	}

	public boolean tiled() {
		return tiled;
	}

	public int blockWidth() {
		return blockWidth;
	}

	public int blockHeight() {
		return blockHeight;
	}

	public int blocksAcross() {
		return (int) ((width + (long) blockWidth - 1) / blockWidth);
	}

	public int blocksDown() {
		return (int) ((height + (long) blockHeight - 1) / blockHeight);
	}

	public int blockCount() {
		return blocksAcross() * blocksDown() * (planarSeparate ? samples : 1);
	}

	/** @return samples stored per pixel in one block */
	public int blockSamples() {
		return planarSeparate ? 1 : samples;
	}

	/** @return bytes of one decoded page */
	public long pageBytes() {
		return (long) width * height * samples * sampleBytes;
	}

	/** @return the geometry of block i once decoded: the last strip holds only the rows left */
	public Block block(int i, long offset) {
		int by = (i / blocksAcross()) % blocksDown();
		int rows = tiled ? blockHeight : Math.min(blockHeight, height - by * blockHeight);
		String name = (tiled ? "tile " : "strip ") + i + " of page " + pageNumber;
		return new Block(ifd.file().path(), name, offset, blockWidth, rows, blockSamples(), sampleBytes,
				ifd.order());
	}

	/** @return the decoder, or null for uncompressed data */
	public synchronized BlockCodec codec() {
		if (codec == null && compression != Compression.NONE) {
			byte[] tables = compression == Compression.JPEG ? ifd.raw(Tags.JPEG_TABLES) : null;
			codec = Compression.codec(compression, tables, photometric, ifd.file().path(), "IFD " + ifd.index());
		}
		return codec;
	}

	public int predictor() {
		return predictor;
	}

	/**
	 * @return {offsets, byte counts} of every block (offset -1 for a sparse block that reads as zeros),
	 *         validated: each block inside the file, and the decoded
	 *         size no larger than the stored bytes can expand to ({@link Compression#maxRatio}), so that a
	 *         forged ImageWidth fails here rather than as an allocation
	 */
	public long[][] storage() {
		long[][] s = storage.get();
		if (s != null) {
			return s;
		}
		s = loadStorage();
		storage = new SoftReference<>(s);
		return s;
	}

	private long[][] loadStorage() {
		Path file = ifd.file().path();
		int n = blockCount();
		int offTag = tiled ? Tags.TILE_OFFSETS : Tags.STRIP_OFFSETS;
		int cntTag = tiled ? Tags.TILE_BYTE_COUNTS : Tags.STRIP_BYTE_COUNTS;
		IfdEntry oe = ifd.entry(offTag);
		if (oe.count() < n) {
			throw TiffException.at(file, ifd.where(offTag), oe.entryOffset(), oe.count() + " offsets for " + n + " blocks");
		}
		long[] off = Arrays.copyOf(ifd.longs(oe), n);
		long[] cnt;
		IfdEntry ce = ifd.entry(cntTag);
		if (ce == null) {
			if (compression != Compression.NONE) {
				throw TiffException.at(file, "IFD " + ifd.index(), ifd.offset(), "required tag " + Tags.name(cntTag) + " ("
						+ cntTag + ") is missing");
			}
			cnt = new long[n];
			for (int i = 0; i < n; i++) {
				cnt[i] = block(i, 0).bytes();
			}
		} else {
			if (ce.count() < n) {
				throw TiffException.at(file, ifd.where(cntTag), ce.entryOffset(), ce.count() + " byte counts for " + n + " blocks");
			}
			cnt = Arrays.copyOf(ifd.longs(ce), n);
		}
		long stored = 0;
		for (int i = 0; i < n; i++) {
			if (cnt[i] == 0 && off[i] == 0) {
				off[i] = -1; // a sparse block: never written, reads as zeros
				continue;
			}
			off[i] += shift;
			Block b = block(i, off[i]);
			long need = compression == Compression.NONE ? b.bytes() : cnt[i];
			if (need < 0 || !ifd.file().contains(off[i], need)) {
				throw TiffException.at(file, b.name(), off[i], need + " bytes needed but the file ends at byte "
						+ ifd.file().size());
			}
			stored += Math.max(need, 0);
		}
		long decoded = (long) n * blockWidth * blockHeight * blockSamples() * sampleBytes;
		if (compression != Compression.NONE && decoded > stored * Compression.maxRatio(compression) + (1 << 16)) {
			throw TiffException.at(file, "IFD " + ifd.index(), ifd.offset(), "declares " + decoded + " decoded bytes but stores only "
					+ stored + " compressed bytes" + Compression.name(compression) + "; size tags are corrupt");
		}
		return new long[][] { off, cnt };
	}
}
