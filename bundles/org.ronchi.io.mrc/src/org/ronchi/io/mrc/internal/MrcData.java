package org.ronchi.io.mrc.internal;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.model.DType;

/**
 * The data block of an MRC file as a {@link Layout}: {@code nz} sections of {@code ny} rows of {@code nx}
 * values from the data offset, in the header's byte order. Modes whose values are NumPy types read
 * straight through the layout; the others (complex int16, float16, packed 4-bit) read their rows as
 * bytes and decode them ({@link MrcModeSource}). Errors name the section.
 */
final class MrcData {
	private MrcData() {
	}

	/** @return the block as (sections, rows, columns), one section per chunk */
	static ArraySource block(FileBytes f, MrcHeader h, MrcMode mode) {
		return frames(f, h, mode, new long[] { h.nz() }, null);
	}

	/**
	 * @param nav     the grid the sections (movie frames) are arranged on, C order
	 * @param frameOf the section of each grid cell (-1: none, reads as 0), or null for section = cell
	 * @return the sections as {@code nav + (rows, columns)}, one frame per chunk
	 */
	static ArraySource frames(FileBytes f, MrcHeader h, MrcMode mode, long[] nav, int[] frameOf) {
		boolean plain = mode.bytesPerValue() > 0 && mode.dtype().itemSize() == mode.bytesPerValue();
		DType stored = plain ? mode.dtype() : DType.UINT8;
		long rowBytes = mode.rowBytes(h.nx());
		long[] frame = plain ? new long[] { h.ny(), h.nx() } : new long[] { h.ny(), rowBytes };
		long sectionBytes = h.ny() * rowBytes;
		Layout l;
		if (frameOf == null) {
			l = Layout.frames(stored, h.order(), h.dataOffset(), nav, frame, 0, 0).named(k -> "MRC data section " + k);
		} else {
			long[] shape = new long[nav.length + 2];
			System.arraycopy(nav, 0, shape, 0, nav.length);
			shape[nav.length] = frame[0];
			shape[nav.length + 1] = frame[1];
			l = Layout.of(stored, h.order(), h.dataOffset(), shape)
					.framesAt(nav.length, cell -> frameOf[(int) cell] < 0 ? -1 : frameOf[(int) cell] * sectionBytes)
					.named(cell -> "MRC data section " + frameOf[(int) cell]);
		}
		LayoutSource bytes = LayoutSource.frames(f, l);
		return plain ? bytes : new MrcModeSource(f.path(), bytes, mode, h.nx(), h.order());
	}
}
