package org.ronchi.io.tiff.format;

import java.util.Map;

/**
 * Tag numbers this bundle reads, and the names under which tags appear in the original metadata (the names
 * of the TIFF 6.0 specification, its supplements, and the vendors' own names as tifffile spells them).
 * Tags without a name keep their decimal number as key.
 */
public final class Tags {
	private Tags() {
	}

	public static final int NEW_SUBFILE_TYPE = 254;
	public static final int IMAGE_WIDTH = 256;
	public static final int IMAGE_LENGTH = 257;
	public static final int BITS_PER_SAMPLE = 258;
	public static final int COMPRESSION = 259;
	public static final int PHOTOMETRIC = 262;
	public static final int FILL_ORDER = 266;
	public static final int IMAGE_DESCRIPTION = 270;
	public static final int MAKE = 271;
	public static final int MODEL = 272;
	public static final int STRIP_OFFSETS = 273;
	public static final int SAMPLES_PER_PIXEL = 277;
	public static final int ROWS_PER_STRIP = 278;
	public static final int STRIP_BYTE_COUNTS = 279;
	public static final int X_RESOLUTION = 282;
	public static final int Y_RESOLUTION = 283;
	public static final int PLANAR_CONFIGURATION = 284;
	public static final int RESOLUTION_UNIT = 296;
	public static final int DATE_TIME = 306;
	public static final int PREDICTOR = 317;
	public static final int COLOR_MAP = 320;
	public static final int TILE_WIDTH = 322;
	public static final int TILE_LENGTH = 323;
	public static final int TILE_OFFSETS = 324;
	public static final int TILE_BYTE_COUNTS = 325;
	public static final int EXTRA_SAMPLES = 338;
	public static final int SAMPLE_FORMAT = 339;
	public static final int JPEG_TABLES = 347;
	public static final int YCBCR_SUBSAMPLING = 530;
	public static final int OLYMPUS_SIS = 33560;
	public static final int CZ_SEM = 34118;
	public static final int EXIF_IFD = 34665;
	public static final int FEI_SFEG = 34680;
	public static final int FEI_HELIOS = 34682;
	public static final int TVIPS = 37706;
	public static final int IJ_METADATA_BYTE_COUNTS = 50838;
	public static final int IJ_METADATA = 50839;

	/** Storage layout, not acquisition metadata: left out of the original metadata tree. */
	public static boolean isStorage(int tag) {
		return tag == STRIP_OFFSETS || tag == STRIP_BYTE_COUNTS || tag == TILE_OFFSETS || tag == TILE_BYTE_COUNTS
				|| tag == JPEG_TABLES;
	}

	private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(254, "NewSubfileType"),
			Map.entry(255, "SubfileType"), Map.entry(256, "ImageWidth"), Map.entry(257, "ImageLength"),
			Map.entry(258, "BitsPerSample"), Map.entry(259, "Compression"), Map.entry(262, "PhotometricInterpretation"),
			Map.entry(263, "Thresholding"), Map.entry(266, "FillOrder"), Map.entry(269, "DocumentName"),
			Map.entry(270, "ImageDescription"), Map.entry(271, "Make"), Map.entry(272, "Model"),
			Map.entry(273, "StripOffsets"), Map.entry(274, "Orientation"), Map.entry(277, "SamplesPerPixel"),
			Map.entry(278, "RowsPerStrip"), Map.entry(279, "StripByteCounts"), Map.entry(280, "MinSampleValue"),
			Map.entry(281, "MaxSampleValue"), Map.entry(282, "XResolution"), Map.entry(283, "YResolution"),
			Map.entry(284, "PlanarConfiguration"), Map.entry(285, "PageName"), Map.entry(286, "XPosition"),
			Map.entry(287, "YPosition"), Map.entry(296, "ResolutionUnit"), Map.entry(297, "PageNumber"),
			Map.entry(305, "Software"), Map.entry(306, "DateTime"), Map.entry(315, "Artist"),
			Map.entry(316, "HostComputer"), Map.entry(317, "Predictor"), Map.entry(320, "ColorMap"),
			Map.entry(322, "TileWidth"), Map.entry(323, "TileLength"), Map.entry(324, "TileOffsets"),
			Map.entry(325, "TileByteCounts"), Map.entry(330, "SubIFDs"), Map.entry(338, "ExtraSamples"),
			Map.entry(339, "SampleFormat"), Map.entry(340, "SMinSampleValue"), Map.entry(341, "SMaxSampleValue"),
			Map.entry(347, "JPEGTables"), Map.entry(530, "YCbCrSubSampling"), Map.entry(531, "YCbCrPositioning"),
			Map.entry(532, "ReferenceBlackWhite"), Map.entry(33432, "Copyright"), Map.entry(33434, "ExposureTime"),
			Map.entry(33471, "OlympusINI"), Map.entry(33560, "OlympusSIS"), Map.entry(34118, "CZ_SEM"),
			Map.entry(34665, "ExifTag"), Map.entry(34680, "FEI_SFEG"), Map.entry(34682, "FEI_HELIOS"),
			Map.entry(36864, "ExifVersion"), Map.entry(36867, "DateTimeOriginal"), Map.entry(36868, "DateTimeDigitized"),
			Map.entry(37706, "TVIPS"), Map.entry(40960, "FlashpixVersion"), Map.entry(40961, "ColorSpace"),
			Map.entry(40962, "PixelXDimension"), Map.entry(40963, "PixelYDimension"), Map.entry(42016, "ImageUniqueID"),
			Map.entry(41986, "ExposureMode"), Map.entry(37383, "MeteringMode"), Map.entry(50838, "IJMetadataByteCounts"),
			Map.entry(50839, "IJMetadata"));

	/** @return the tag's name, or its decimal number as text */
	public static String name(int tag) {
		String n = NAMES.get(tag);
		return n != null ? n : Integer.toString(tag);
	}
}
