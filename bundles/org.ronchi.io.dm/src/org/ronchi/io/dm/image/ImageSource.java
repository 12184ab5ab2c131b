package org.ronchi.io.dm.image;

import java.util.Arrays;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Layout;
import org.ronchi.core.lazy.LayoutSource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.DType;

/**
 * The data of an image as a lazy source. Images stored one element per pixel (every type but the
 * packed FFTs) are a {@link Layout}: one C-order array at the data offset, in the order DM stores it,
 * read through the core run reader. What is shown is a view of it: axes of size 1 fixed, the others
 * permuted into HyperSpy's order where the {@link SignalLayout} moves them (spectrum images).
 */
final class ImageSource {
	private ImageSource() {
	}

	/** @return the source for an image of any supported type */
	static ArraySource of(FileBytes file, DmImage image, SignalLayout layout) {
		return switch (image.type().layout()) {
		case PLAIN -> presented(new LayoutSource(file, stored(image, layout, image.type().dtype()), chunk(layout)), layout);
		case RGBA -> presented(new RgbaSource(file, stored(image, layout, DType.UINT32), chunk(layout)), layout);
		case PACKED_HALF -> new PackedHalfSource(file, image, layout);
		case PACKED_SQUARE -> new PackedSquareSource(file, image, layout);
		};
	}

	/** @return the stored array: C order over the disk shape, elements of dtype in the file's byte order */
	static Layout stored(DmImage image, SignalLayout layout, DType dtype) {
		return Layout.of(dtype, image.data().order(), image.data().offset(), layout.diskShape()).named("image data");
	}

	/** @return the stored array as shown: size-1 axes not shown fixed at 0, the kept ones in presented order */
	private static ArraySource presented(ArraySource disk, SignalLayout layout) {
		int[] shown = layout.diskAxes();
		int rank = layout.diskShape().length;
		ArraySource v = disk;
		for (int d = rank - 1; d >= 0; d--) {
			final int axis = d;
			if (Arrays.stream(shown).noneMatch(a -> a == axis)) {
				v = Views.fix(v, d, 0);
			}
		}
		int[] kept = shown.clone();
		Arrays.sort(kept);
		int[] perm = new int[shown.length];
		for (int i = 0; i < shown.length; i++) {
			perm[i] = Arrays.binarySearch(kept, shown[i]);
		}
		return Views.permute(v, perm);
	}

	/**
	 * @return for an image shown in stored order, one frame per chunk (1 along navigation axes, whole along
	 *         signal axes), in stored dimensions; null when the axes are reordered
	 */
	private static int[] chunk(SignalLayout layout) {
		if (!layout.inDiskOrder()) {
			return null;
		}
		long[] disk = layout.diskShape();
		int[] chunk = new int[disk.length];
		Arrays.fill(chunk, 1);
		int[] shown = layout.diskAxes();
		for (int i = 0; i < shown.length; i++) {
			chunk[shown[i]] = layout.axes().get(i).navigate() ? 1 : (int) Math.min(disk[shown[i]], Integer.MAX_VALUE);
		}
		return chunk;
	}
}
