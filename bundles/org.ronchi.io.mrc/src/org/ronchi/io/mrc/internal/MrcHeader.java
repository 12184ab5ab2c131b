package org.ronchi.io.mrc.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.io.mrc.MrcException;
import org.ronchi.core.metadata.MetadataTree;

/**
 * The 1024-byte MRC/CCP4 header (MRC2014 specification, "Main header"): 56 words, then 10 labels of 80
 * characters. Field names are the specification's. The byte order is the machine stamp's
 * ({@code 0x44 0x44} or {@code 0x44 0x41} little-endian, {@code 0x11 0x11} big-endian); files written
 * without a stamp are read in whichever order gives a plausible size and mode, as Bio-Formats does.
 */
record MrcHeader(ByteOrder order, int nx, int ny, int nz, int mode, int nxstart, int nystart, int nzstart, int mx, int my, int mz,
		float[] cella, float[] cellb, int mapc, int mapr, int maps, float dmin, float dmax, float dmean, int ispg, int nsymbt,
		String exttyp, int nversion, float[] origin, String map, byte[] machst, float rms, int nlabl, String[] labels) {

	static final int SIZE = 1024;

	/** @return the offset of the first data value */
	long dataOffset() {
		return SIZE + Integer.toUnsignedLong(nsymbt);
	}

	static MrcHeader read(FileBytes f) {
		ByteBuffer b = f.read("MRC header", 0, SIZE);
		b.order(byteOrder(b));
		int[] w = new int[24];
		for (int i = 0; i < 24; i++) {
			w[i] = b.getInt(4 * i);
		}
		float[] cella = { b.getFloat(40), b.getFloat(44), b.getFloat(48) };
		float[] cellb = { b.getFloat(52), b.getFloat(56), b.getFloat(60) };
		float[] origin = { b.getFloat(196), b.getFloat(200), b.getFloat(204) };
		byte[] machst = new byte[4];
		b.get(212, machst);
		int nlabl = b.getInt(220);
		List<String> labels = new ArrayList<>();
		for (int i = 0; i < Math.min(10, Math.max(0, nlabl)); i++) {
			labels.add(text(b, 224 + 80 * i, 80).stripTrailing());
		}
		MrcHeader h = new MrcHeader(b.order(), w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], cella, cellb, w[16], w[17], w[18],
				b.getFloat(76), b.getFloat(80), b.getFloat(84), w[22], w[23], text(b, 104, 4), b.getInt(108), origin, text(b, 208, 4), machst,
				b.getFloat(216), nlabl, labels.toArray(String[]::new));
		if (h.nx <= 0 || h.ny <= 0 || h.nz <= 0) {
			throw MrcException.at(f.path(), "MRC header", 0, "size nx, ny, nz = " + h.nx + ", " + h.ny + ", " + h.nz + " is not positive");
		}
		if (h.nsymbt < 0) {
			throw MrcException.at(f.path(), "MRC header", 92, "negative extended header size nsymbt = " + h.nsymbt);
		}
		return h;
	}

	/** @return the byte order of the header in b (a 1024-byte little-endian buffer) */
	static ByteOrder byteOrder(ByteBuffer b) {
		boolean le = plausible(b, ByteOrder.LITTLE_ENDIAN);
		boolean be = plausible(b, ByteOrder.BIG_ENDIAN);
		if (le != be) {
			return le ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		}
		return (b.get(212) & 0xff) == 0x11 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
	}

	/** @return true if nx, ny, nz are positive and below 2^24 and mode is a known one, in this byte order */
	static boolean plausible(ByteBuffer head, ByteOrder order) {
		if (head.limit() < 16) {
			return false;
		}
		ByteBuffer b = head.duplicate().order(order);
		for (int i = 0; i < 3; i++) {
			int n = b.getInt(4 * i);
			if (n <= 0 || n >= 1 << 24) {
				return false;
			}
		}
		return MrcMode.known(b.getInt(12));
	}

	private static String text(ByteBuffer b, int at, int n) {
		byte[] t = new byte[n];
		b.get(at, t);
		int end = n;
		while (end > 0 && t[end - 1] == 0) {
			end--;
		}
		return new String(t, 0, end, StandardCharsets.ISO_8859_1);
	}

	/** @return true if mapc, mapr, maps is a permutation of 1, 2, 3 */
	boolean validAxisOrder() {
		return mapc >= 1 && mapc <= 3 && mapr >= 1 && mapr <= 3 && maps >= 1 && maps <= 3 && mapc != mapr && mapc != maps && mapr != maps;
	}

	/** @return the header fields verbatim, named as in the MRC2014 specification */
	MetadataTree toTree() {
		return new MetadataTree().put("nx", nx).put("ny", ny).put("nz", nz).put("mode", mode).put("nxstart", nxstart)
				.put("nystart", nystart).put("nzstart", nzstart).put("mx", mx).put("my", my).put("mz", mz).put("cella", cella.clone())
				.put("cellb", cellb.clone()).put("mapc", mapc).put("mapr", mapr).put("maps", maps).put("dmin", dmin).put("dmax", dmax)
				.put("dmean", dmean).put("ispg", ispg).put("nsymbt", nsymbt).put("exttyp", exttyp).put("nversion", nversion)
				.put("origin", origin.clone()).put("map", map).put("machst", String.format("0x%02x%02x%02x%02x", machst[0], machst[1], machst[2], machst[3]))
				.put("rms", rms).put("nlabl", nlabl).put("labels", labels.clone());
	}
}
