package org.ronchi.ui.image;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/**
 * An image plane turned into pixels: the 8-bit colour indices (or direct RGB for colour data), the
 * values they came from (for the read-out), and the contrast limits the colour bar shows. With
 * {@code log} the limits are log10 of values. A new colour map only swaps the palette
 * ({@link #withColormap}); the indices stay.
 *
 * @param data the plane, rows x columns, as read
 * @param low the value (or log10 value) shown as the first colour
 * @param high the value (or log10 value) shown as the last colour
 * @param rgb whether the pixels are direct colours (no colour map, no colour bar)
 */
public record Rendered(ImageData imageData, Dataset data, double low, double high, boolean log, boolean rgb, Colormap colormap) {

	public int width() {
		return imageData.width;
	}

	public int height() {
		return imageData.height;
	}

	/** @return the 8-bit colour index of pixel (x, y) (0 for direct-colour images) */
	public int index(int x, int y) {
		return rgb ? 0 : imageData.data[y * imageData.bytesPerLine + x] & 0xff;
	}

	/** @return the value at column x, row y as text: a number, a complex number, or R, G, B */
	public String valueText(int x, int y) {
		if (rgb) {
			return "RGB " + data.getString(y, x);
		}
		if (data.getElementsPerItem() == 2) {
			return data.getString(y, x) + " (|z| shown)";
		}
		return Ticks.format(data.getDouble(y, x));
	}

	/** @return the value at column x, row y (the magnitude for complex data) */
	public double value(int x, int y) {
		return data.getElementsPerItem() == 2 ? Math.hypot(data.getElementDoubleAbs(2 * (y * width() + x)),
				data.getElementDoubleAbs(2 * (y * width() + x) + 1)) : data.getDouble(y, x);
	}

	/** @return the same pixels under another colour map */
	public Rendered withColormap(Colormap c) {
		if (rgb) {
			return this;
		}
		PaletteData p = c.palette();
		ImageData id = new ImageData(imageData.width, imageData.height, 8, p, 1, imageData.data);
		id.alphaData = imageData.alphaData; // transparent NaN stays so
		return new Rendered(id, data, low, high, log, rgb, c);
	}
}
