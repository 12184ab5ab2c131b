package org.ronchi.core.npy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.lazy.Buffers;
import org.ronchi.core.model.DType;

/** Reads small NumPy {@code .npy} files (C order, simple dtypes): reference arrays in tests, round trips. */
public final class NpyReader {
	private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([<>|=])([a-z])(\\d+)'");
	private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
	private static final Pattern FORTRAN = Pattern.compile("'fortran_order':\\s*(True|False)");

	private NpyReader() {
	}

	/** An array as read: its dtype and data. */
	public record Npy(DType dtype, Dataset data) {
	}

	public static Npy read(Path file) {
		try {
			byte[] all = Files.readAllBytes(file);
			ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
			if (all.length < 10 || (all[0] & 0xff) != 0x93 || !new String(all, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
				throw new FormatException(file, null, "not a .npy file (no \\x93NUMPY magic)");
			}
			int major = all[6];
			int hlen = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
			int dataStart = (major == 1 ? 10 : 12) + hlen;
			String header = new String(all, major == 1 ? 10 : 12, hlen, StandardCharsets.ISO_8859_1);
			Matcher d = DESCR.matcher(header);
			Matcher s = SHAPE.matcher(header);
			Matcher f = FORTRAN.matcher(header);
			if (!d.find() || !s.find() || !f.find()) {
				throw new FormatException(file, "npy header", "unsupported header: " + header.trim());
			}
			if (f.group(1).equals("True")) {
				throw new FormatException(file, "npy header", "Fortran-order arrays are not supported");
			}
			if (d.group(1).equals(">")) {
				b.order(ByteOrder.BIG_ENDIAN);
			}
			int size = Integer.parseInt(d.group(3));
			DType dtype = switch (d.group(2)) {
			case "b" -> DType.BOOL;
			case "i" -> DType.integer(size, true);
			case "u" -> DType.integer(size, false);
			case "f" -> DType.floating(size);
			case "c" -> size == 8 ? DType.COMPLEX64 : DType.COMPLEX128;
			default -> throw new FormatException(file, "npy header", "unsupported dtype " + d.group(0));
			};
			String[] dims = s.group(1).split(",");
			int rank = 0;
			int[] shape = new int[dims.length];
			for (String dim : dims) {
				if (!dim.isBlank()) {
					shape[rank++] = Integer.parseInt(dim.trim());
				}
			}
			int[] exact = java.util.Arrays.copyOf(shape, rank);
			b.position(dataStart);
			return new Npy(dtype, Buffers.decode(dtype, b, exact));
		} catch (IOException e) {
			throw new FormatException(file, null, "cannot read: " + e.getMessage(), e);
		}
	}
}
