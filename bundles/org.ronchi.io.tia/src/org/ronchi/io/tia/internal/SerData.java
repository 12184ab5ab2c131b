package org.ronchi.io.tia.internal;

import java.nio.ByteOrder;
import java.util.Arrays;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.model.DType;
import org.ronchi.io.tia.TiaException;

/**
 * The values of a SER series as one array, described as a {@link Layout}: navigation dimensions (C
 * order, the last one being the series' fastest, its first dimension-array entry) followed by the
 * element's own dimensions ({@code [channels]} or {@code [rows, columns]}). Each data element is a frame
 * placed through the offset array; its header is read and checked against element 0 when a read first
 * touches it, so a series cut short or mixing element sizes fails naming the element.
 * <p>
 * Images are returned top row first: TIA stores the bottom row first, and HyperSpy, ncempy and TIA's own
 * display flip them the same way (the layout's row dimension is flipped). Elements past
 * {@code ValidNumberElements} (an acquisition stopped early) read as NaN for floating-point types and 0
 * otherwise.
 */
final class SerData {
	private SerData() {
	}

	static ArraySource source(FileBytes file, SerOffsetArray offsets, SerDataElement first, boolean spectra, int validElements,
			long[] navShape) {
		DType dtype = first.type().dtype();
		long[] sig = spectra ? new long[] { first.sizeX() } : new long[] { first.sizeY(), first.sizeX() };
		int nav = navShape.length;
		long[] shape = Arrays.copyOf(navShape, nav + sig.length);
		System.arraycopy(sig, 0, shape, nav, sig.length);
		Layout l = Layout.of(dtype, ByteOrder.LITTLE_ENDIAN, 0, shape);
		l = nav == 0 ? Layout.of(dtype, ByteOrder.LITTLE_ENDIAN, first.dataOffset(), shape)
				: l.framesAt(nav, k -> k >= validElements ? -1 : element(file, offsets, first, spectra, (int) k).dataOffset());
		if (!spectra) {
			l = l.flip(nav);
		}
		boolean floating = dtype == DType.FLOAT32 || dtype == DType.FLOAT64;
		l = l.missing(floating ? Double.NaN : 0).named(k -> "SER data element " + k);
		return LayoutSource.frames(file, l);
	}

	/** @return the header of data element index, checked to hold values like element 0 */
	private static SerDataElement element(FileBytes file, SerOffsetArray offsets, SerDataElement first, boolean spectra, int index) {
		long at = offsets.dataOffset(index);
		SerDataElement e = SerDataElement.read(file, at, spectra, index);
		if (!e.sameLayout(first)) {
			throw TiaException.at(file.path(), "SER data element " + index, at, "holds " + e.sizeX() + " x " + e.sizeY() + " "
					+ e.type().dtype().numpyName() + " values, unlike element 0 (" + first.sizeX() + " x " + first.sizeY() + " "
					+ first.type().dtype().numpyName() + ")");
		}
		return e;
	}
}
