package org.ronchi.core.npy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;

/**
 * Writes NumPy {@code .npy} files (format 1.0/2.0, C order, little-endian), streaming the data in
 * blocks along the first dimension so arrays larger than the heap can be exported. The file appears
 * atomically: it is written to a temporary sibling and renamed when complete.
 * <p>
 * Written by hand because the format is 10 lines of spec and no OSGi-ready library on Central writes it.
 */
public final class NpyWriter {
	private NpyWriter() {
	}

	/** Supplies the rows {@code [from, from + count)} of the first dimension as a dataset. */
	@FunctionalInterface
	public interface BlockReader {
		Dataset read(long from, int count);
	}

	/** Writes an in-memory dataset. */
	public static void write(Path out, DType dtype, Dataset data) {
		long[] shape = Shapes.toLong(data.getShapeRef());
		write(out, dtype, shape, (from, count) -> {
			if (shape.length == 0) {
				return data;
			}
			int[] start = new int[shape.length];
			int[] stop = Shapes.toInt(shape);
			start[0] = (int) from;
			stop[0] = (int) from + count;
			return data.getSlice(start, stop, null);
		});
	}

	/**
	 * Writes an array of the given shape, asking reader for blocks of about 64 MiB along dimension 0.
	 */
	public static void write(Path out, DType dtype, long[] shape, BlockReader reader) {
		if (dtype.npyDescr().isEmpty()) {
			throw new RonchiException(out, null, "cannot export " + dtype.numpyName() + " data to .npy");
		}
		Path tmp = out.resolveSibling("." + out.getFileName() + ".tmp" + ProcessHandle.current().pid());
		try {
			try (OutputStream os = Files.newOutputStream(tmp)) {
				os.write(header(dtype, shape));
				long rowElems = 1;
				for (int i = 1; i < shape.length; i++) {
					rowElems *= shape[i];
				}
				if (shape.length == 0) {
					writeBlock(os, dtype, reader.read(0, 1), 1);
				} else {
					long rowBytes = Math.max(1, rowElems * dtype.itemSize());
					int rowsPerBlock = (int) Math.max(1, Math.min(shape[0], (64L << 20) / rowBytes));
					for (long r = 0; r < shape[0]; r += rowsPerBlock) {
						int n = (int) Math.min(rowsPerBlock, shape[0] - r);
						Dataset block = reader.read(r, n);
						writeBlock(os, dtype, block, Math.toIntExact(n * rowElems));
					}
				}
			}
			Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// the temp file is ours; leaving it is harmless
			}
			throw new RonchiException(out, null, "cannot write: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// as above
			}
			throw e;
		}
	}

	private static void writeBlock(OutputStream os, DType dtype, Dataset block, int n) throws IOException {
		Dataset c = Buffers.contiguous(dtype, block);
		final int perPass = 1 << 20;
		ByteBuffer buf = ByteBuffer.allocate(perPass * dtype.itemSize()).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < n; i += perPass) {
			int k = Math.min(perPass, n - i);
			buf.clear();
			Buffers.encode(dtype, c, i, k, buf);
			os.write(buf.array(), 0, buf.position());
		}
	}

	/** @return the magic, version and padded header dict */
	static byte[] header(DType dtype, long[] shape) {
		StringBuilder sb = new StringBuilder("{'descr': ");
		sb.append(dtype.isRgb() ? dtype.npyDescr() : "'" + dtype.npyDescr() + "'");
		sb.append(", 'fortran_order': False, 'shape': (");
		for (int i = 0; i < shape.length; i++) {
			sb.append(shape[i]);
			if (shape.length == 1 || i < shape.length - 1) {
				sb.append(i < shape.length - 1 ? ", " : ",");
			}
		}
		sb.append("), }");
		byte[] dict = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
		boolean v2 = dict.length + 11 > 65535;
		int preamble = v2 ? 12 : 10;
		int total = preamble + dict.length + 1;
		int pad = (64 - total % 64) % 64;
		int hlen = dict.length + pad + 1;
		ByteBuffer b = ByteBuffer.allocate(preamble + hlen).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1));
		b.put((byte) (v2 ? 2 : 1)).put((byte) 0);
		if (v2) {
			b.putInt(hlen);
		} else {
			b.putShort((short) hlen);
		}
		b.put(dict);
		for (int i = 0; i < pad; i++) {
			b.put((byte) ' ');
		}
		b.put((byte) '\n');
		return b.array();
	}
}
