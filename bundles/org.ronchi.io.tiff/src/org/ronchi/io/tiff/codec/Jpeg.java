package org.ronchi.io.tiff.codec;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;

import org.ronchi.io.tiff.TiffException;

/**
 * JPEG compression 7 ("new-style" JPEG, TIFF Technical Note 2): each strip or tile is a JPEG stream,
 * completed by the quantisation and Huffman tables of tag 347 (JPEGTables) when the writer shared them.
 * Decoded with the JDK's own baseline JPEG reader (javax.imageio, module java.desktop): its raster is read
 * without colour conversion ({@code readRaster}) so that the colour space is decided here the way libtiff
 * and tifffile decide it, from PhotometricInterpretation: YCbCr is converted to RGB, RGB is kept unless
 * the stream says it is JFIF or Adobe-transformed YCbCr.
 */
final class Jpeg implements BlockCodec {
	private static final int PHOTOMETRIC_RGB = 2;
	private static final int PHOTOMETRIC_YCBCR = 6;

	private final byte[] tables;
	private final int photometric;

	Jpeg(byte[] tables, int photometric) {
		this.tables = tables;
		this.photometric = photometric;
	}

	@Override
	public byte[] decode(byte[] src, Block block) {
		if (block.sampleBytes() != 1) {
			throw fail(block, "unsupported: JPEG with " + 8 * block.sampleBytes() + "-bit samples (only 8-bit)");
		}
		byte[] stream = merge(tables, src);
		int[] frame = JpegMarkers.frame(stream);
		if (frame == null) {
			throw fail(block, "no JPEG frame header (SOF) before the scan");
		}
		// the last strip may be encoded at the full RowsPerStrip height, hence the slack
		long pixels = (long) frame[0] * frame[1] * Math.max(frame[2], 1);
		if (pixels > 64L * block.bytes() + (1 << 20)) {
			throw fail(block, "JPEG frame of " + frame[1] + "x" + frame[0] + " pixels for a " + block.width() + "x"
					+ block.rows() + " block");
		}
		Raster raster = read(stream, block);
		if (raster.getNumBands() != block.samples()) {
			throw fail(block, "JPEG stream has " + raster.getNumBands() + " components, the IFD says " + block.samples());
		}
		if (raster.getWidth() < block.width() || raster.getHeight() < block.rows()) {
			throw fail(block, "JPEG stream is " + raster.getWidth() + "x" + raster.getHeight() + ", the block needs "
					+ block.width() + "x" + block.rows());
		}
		int[] px = raster.getPixels(raster.getMinX(), raster.getMinY(), block.width(), block.rows(), (int[]) null);
		byte[] out = new byte[block.bytes()];
		boolean ycc = photometric == PHOTOMETRIC_YCBCR
				|| photometric == PHOTOMETRIC_RGB && JpegMarkers.isYccEncoded(stream);
		if (ycc && block.samples() == 3) {
			toRgb(px, out);
		} else {
			for (int i = 0; i < out.length; i++) {
				out[i] = (byte) px[i];
			}
		}
		return out;
	}

	private static Raster read(byte[] stream, Block block) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
		if (!readers.hasNext()) {
			throw fail(block, "unsupported: this Java runtime has no JPEG decoder (module java.desktop missing)");
		}
		ImageReader reader = readers.next();
		// a memory-cached stream: ImageIO's default may create temporary files
		try (MemoryCacheImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
			reader.setInput(in, true, true);
			return reader.readRaster(0, null);
		} catch (IOException | RuntimeException e) {
			throw fail(block, "corrupt JPEG stream: " + e.getMessage());
		} finally {
			reader.dispose();
		}
	}

	/** JPEGTables is SOI, tables, EOI; the block is SOI, frame, scan, EOI: splice the tables in. */
	static byte[] merge(byte[] tables, byte[] src) {
		if (tables == null || tables.length < 4 || src.length < 2 || (tables[0] & 0xff) != 0xFF || (tables[1] & 0xff) != 0xD8
				|| (src[0] & 0xff) != 0xFF || (src[1] & 0xff) != 0xD8) {
			return src;
		}
		int t = tables.length;
		if ((tables[t - 2] & 0xff) == 0xFF && (tables[t - 1] & 0xff) == 0xD9) {
			t -= 2;
		}
		byte[] out = new byte[t + src.length - 2];
		System.arraycopy(tables, 0, out, 0, t);
		System.arraycopy(src, 2, out, t, src.length - 2);
		return out;
	}

	/** JFIF (ITU-T T.871) YCbCr to RGB, rounded and clamped as libjpeg does. */
	private static void toRgb(int[] ycc, byte[] out) {
		for (int i = 0; i + 2 < out.length; i += 3) {
			double y = ycc[i];
			double cb = ycc[i + 1] - 128.0;
			double cr = ycc[i + 2] - 128.0;
			out[i] = clamp(y + 1.402 * cr);
			out[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
			out[i + 2] = clamp(y + 1.772 * cb);
		}
	}

	private static byte clamp(double v) {
		long r = Math.round(v);
		return (byte) (r < 0 ? 0 : r > 255 ? 255 : r);
	}

	private static TiffException fail(Block b, String problem) {
		return TiffException.at(b.file(), "JPEG data of " + b.name(), b.offset(), problem);
	}
}
