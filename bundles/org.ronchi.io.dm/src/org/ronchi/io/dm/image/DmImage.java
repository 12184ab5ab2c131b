package org.ronchi.io.dm.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.ronchi.io.dm.DmFormatException;
import org.ronchi.io.dm.tags.ArrayRef;
import org.ronchi.io.dm.tags.TagFile;

/**
 * One entry of the ImageList tag list: the image's Name, its ImageData (DataType, Dimensions with the
 * fastest-varying first, Calibrations, and the Data array left on disk) and its ImageTags, the
 * acquisition metadata. The data size is checked against the dimensions here, at open.
 */
public final class DmImage {
	private final String key;
	private final String name;
	private final ImageDataType type;
	private final long[] dims;
	private final List<Calibration> calibrations;
	private final Calibration brightness;
	private final ArrayRef data;
	private final MetadataTree entry;

	private DmImage(String key, String name, ImageDataType type, long[] dims, List<Calibration> calibrations,
			Calibration brightness, ArrayRef data, MetadataTree entry) {
		this.key = key;
		this.name = name;
		this.type = type;
		this.dims = dims;
		this.calibrations = calibrations;
		this.brightness = brightness;
		this.data = data;
		this.entry = entry;
	}

	/**
	 * @param key the entry's key in ImageList ("0", "1", ...)
	 * @return the image, or null if the entry has no ImageData (not an image)
	 */
	public static DmImage read(Path file, TagFile tags, String key, MetadataTree entry) {
		if (!(entry.child("ImageData") instanceof MetadataTree imageData)) {
			return null;
		}
		String where = "ImageList/" + key + "/ImageData";
		ArrayRef data = tags.array(imageData, "Data");
		if (data == null) {
			throw new DmFormatException(file, where, "has no Data array");
		}
		String at = where + " (data at 0x" + Long.toHexString(data.offset()) + ")";
		ImageDataType type;
		try {
			type = ImageDataType.of(asLong(imageData.child("DataType"), -1));
		} catch (IllegalArgumentException e) {
			throw new DmFormatException(file, at, e.getMessage());
		}
		long[] dims = dimensions(file, at, imageData.child("Dimensions"));
		List<Calibration> cal = new ArrayList<>();
		MetadataTree calibrations = imageData.child("Calibrations") instanceof MetadataTree c ? c : new MetadataTree();
		if (calibrations.child("Dimension") instanceof MetadataTree list) {
			for (Object d : list.entries().values()) {
				cal.add(Calibration.of(d));
			}
		}
		String name = entry.child("Name") instanceof String s ? s : "";
		DmImage image = new DmImage(key, name, type, dims, cal, Calibration.of(calibrations.child("Brightness")), data, entry);
		image.checkSize(file, at);
		return image;
	}

	private static long[] dimensions(Path file, String where, Object tree) {
		if (!(tree instanceof MetadataTree list) || list.isEmpty()) {
			throw new DmFormatException(file, where, "has no Dimensions");
		}
		long[] dims = new long[list.size()];
		int i = 0;
		long total = 1;
		for (Object v : list.entries().values()) {
			long d = asLong(v, -1);
			if (d < 0) {
				throw new DmFormatException(file, where, "dimension " + i + " is " + Attributes.asString(v) + ", not a size");
			}
			try {
				total = Math.multiplyExact(total, d);
			} catch (ArithmeticException e) {
				throw new DmFormatException(file, where, "dimensions overflow: " + list);
			}
			dims[i++] = d;
		}
		return dims;
	}

	private static long asLong(Object v, long otherwise) {
		Double d = Attributes.asDouble(v);
		return d == null || d != Math.rint(d) || d < Long.MIN_VALUE || d > Long.MAX_VALUE ? otherwise : d.longValue();
	}

	/** The Data array must hold at least what the dimensions and type need. */
	private void checkSize(Path file, String where) {
		long pixels = 1;
		for (long d : dims) {
			pixels *= d; // overflow excluded by dimensions()
		}
		long need;
		try {
			need = switch (type.layout()) {
			case PLAIN, RGBA, PACKED_SQUARE -> Math.multiplyExact(pixels, type.storedItemSize());
			case PACKED_HALF -> dims.length < 2 ? -1
					: Math.multiplyExact(Math.multiplyExact(dims[1], dims[0] / 2 + 1), type.storedItemSize());
			};
		} catch (ArithmeticException e) {
			need = Long.MAX_VALUE;
		}
		if (type.layout() == ImageDataType.Layout.PACKED_HALF && (dims.length != 2 || dims[0] % 2 != 0 || dims[0] < 2)) {
			throw new DmFormatException(file, where, "unsupported packed complex FFT of dimensions " + dimsText()
					+ " (2-D with an even width is read)");
		}
		if (type.layout() == ImageDataType.Layout.PACKED_SQUARE
				&& (dims.length != 2 || dims[0] != dims[1] || dims[0] % 2 != 0 || dims[0] < 2 || dims[0] > 8192)) {
			throw new DmFormatException(file, where, "unsupported packed complex image of dimensions " + dimsText()
					+ " (square 2-D images of even size up to 8192 are read)");
		}
		if (data.byteLength() < need) {
			throw new DmFormatException(file, where, "Data holds " + data.byteLength() + " bytes but " + dimsText() + " "
					+ type + " needs " + need);
		}
	}

	private String dimsText() {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < dims.length; i++) {
			sb.append(i > 0 ? "x" : "").append(dims[i]);
		}
		return sb.toString();
	}

	/** @return the key of the entry in ImageList */
	public String key() {
		return key;
	}

	public String name() {
		return name;
	}

	public ImageDataType type() {
		return type;
	}

	/** @return the dimensions as DM lists them, fastest-varying (x) first */
	public long[] dims() {
		return dims.clone();
	}

	/** @return the calibration of DM dimension i (x = 0), or {@link Calibration#NONE} if the file has none */
	public Calibration calibration(int i) {
		return i < calibrations.size() ? calibrations.get(i) : Calibration.NONE;
	}

	public Calibration brightness() {
		return brightness;
	}

	public ArrayRef data() {
		return data;
	}

	/** @return the entry's tag tree (ImageData, ImageTags, Name, UniqueID); do not modify */
	public MetadataTree entry() {
		return entry;
	}

	/** @return the image's data as a lazy source in the given layout */
	public ArraySource source(FileBytes file, SignalLayout layout) {
		return ImageSource.of(file, this, layout);
	}

	/** @return the ImageTags group, or an empty tree */
	public MetadataTree imageTags() {
		return entry.child("ImageTags") instanceof MetadataTree t ? t : new MetadataTree();
	}
}
