package org.ronchi.io.tiff.vendor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.metadata.MetadataTree;

/**
 * TVIPS EM-MENU's TemData structure, at the offset held by tag 37706: a 244-byte version-1 block of 32-bit
 * integers (and an 80-byte comment), followed for version 2 by a 6068-byte block ending with the magic
 * 0xAAAAAAAA. Field names and layout from the EM-MENU help file as tifffile transcribes them; strings are
 * UTF-16, pixel sizes in nm, high tension in V, exposure in ms, stage x/y/z in m and tilts in degrees
 * (HyperSpy's reading; no specification is public).
 */
public final class TvipsHeader {
	static final int V1_BYTES = 244;
	static final int V2_BYTES = 6068;
	private static final int MAGIC = 0xAAAAAAAA;

	private static final String[] V1_INTS = { "HighTension", "SphericalAberration", "IlluminationAperture", "Magnification",
			"PostMagnification", "FocalLength", "Defocus", "Astigmatism", "AstigmatismDirection", "BiprismVoltage",
			"SpecimenTiltAngle", "SpecimenTiltDirection", "IlluminationTiltDirection", "IlluminationTiltAngle", "ImageMode",
			"EnergySpread", "ChromaticAberration", "ShutterType", "DefocusSpread", "CcdNumber", "CcdSize", "OffsetXV1",
			"OffsetYV1", "PhysicalPixelSize", "Binning", "ReadoutSpeed", "GainV1", "SensitivityV1", "ExposureTimeV1",
			"FlatCorrected", "DeadPxCorrected", "ImageMean", "ImageStd", "DisplacementX", "DisplacementY", "DateV1", "TimeV1",
			"ImageMin", "ImageMax", "ImageStatisticsQuality" };

	/** Version-2 fields in order: name, then kind: "s" + bytes (UTF-16), "i" int, "f" float, "f" + n floats, "c16" skipped. */
	private static final String[][] V2 = { { "ImageName", "s160" }, { "ImageFolder", "s160" }, { "ImageSizeX", "i" },
			{ "ImageSizeY", "i" }, { "ImageSizeZ", "i" }, { "ImageSizeE", "i" }, { "ImageDataType", "i" }, { "Date", "i" },
			{ "Time", "i" }, { "Comment", "s1024" }, { "ImageHistory", "s1024" }, { "Scaling", "f16" },
			{ "ImageStatistics", "x256" }, { "ImageType", "i" }, { "ImageDisplaType", "i" }, { "PixelSizeX", "f" },
			{ "PixelSizeY", "f" }, { "ImageDistanceZ", "f" }, { "ImageDistanceE", "f" }, { "ImageMisc", "f32" },
			{ "TemType", "s160" }, { "TemHighTension", "f" }, { "TemAberrations", "f32" }, { "TemEnergy", "f32" },
			{ "TemMode", "i" }, { "TemMagnification", "f" }, { "TemMagnificationCorrection", "f" }, { "PostMagnification", "f" },
			{ "TemStageType", "i" }, { "TemStagePosition", "f5" }, { "TemImageShift", "f2" }, { "TemBeamShift", "f2" },
			{ "TemBeamTilt", "f2" }, { "TilingParameters", "f7" }, { "TemIllumination", "f3" }, { "TemShutter", "i" },
			{ "TemMisc", "f32" }, { "CameraType", "s160" }, { "PhysicalPixelSizeX", "f" }, { "PhysicalPixelSizeY", "f" },
			{ "OffsetX", "i" }, { "OffsetY", "i" }, { "BinningX", "i" }, { "BinningY", "i" }, { "ExposureTime", "f" },
			{ "Gain", "f" }, { "ReadoutRate", "f" }, { "FlatfieldDescription", "s160" }, { "Sensitivity", "f" },
			{ "Dose", "f" }, { "CamMisc", "f32" }, { "FeiMicroscopeInformation", "s1024" },
			{ "FeiSpecimenInformation", "s1024" }, { "Magic", "i" } };

	private TvipsHeader() {
	}

	/**
	 * @param order the TIFF file's byte order, which the header is in
	 * @return the header at {@code offset}, or null if it is not a TVIPS header of version 1 or 2
	 */
	public static MetadataTree read(FileBytes ch, ByteOrder order, long offset) {
		if (!ch.contains(offset, V1_BYTES)) {
			return null;
		}
		ByteBuffer b = ch.read("TVIPS header", offset, V1_BYTES).order(order);
		MetadataTree t = new MetadataTree();
		int version = b.getInt();
		if (version != 1 && version != 2) {
			return null;
		}
		t.put("Version", version);
		byte[] comment = new byte[80];
		b.get(comment);
		t.put("CommentV1", org.ronchi.io.tiff.format.Text.decodeToNul(comment));
		for (String name : V1_INTS) {
			t.put(name, b.getInt());
		}
		if (version == 2 && ch.contains(offset + V1_BYTES, V2_BYTES)) {
			ByteBuffer v2 = ch.read("TVIPS header v2", offset + V1_BYTES, V2_BYTES).order(order);
			if (v2.getInt(V2_BYTES - 4) == MAGIC) {
				readV2(v2, t);
			}
		}
		return t;
	}

	private static void readV2(ByteBuffer b, MetadataTree t) {
		for (String[] f : V2) {
			String kind = f[1];
			char k = kind.charAt(0);
			int n = kind.length() > 1 ? Integer.parseInt(kind.substring(1)) : 1;
			switch (k) {
			case 's' -> {
				byte[] s = new byte[n];
				b.get(s);
				String text = new String(s, StandardCharsets.UTF_16LE);
				int nul = text.indexOf('\0');
				t.put(f[0], nul >= 0 ? text.substring(0, nul) : text);
			}
			case 'i' -> t.put(f[0], b.getInt());
			case 'f' -> {
				if (n == 1) {
					t.put(f[0], (double) b.getFloat());
				} else {
					double[] a = new double[n];
					for (int i = 0; i < n; i++) {
						a[i] = b.getFloat();
					}
					t.put(f[0], a);
				}
			}
			case 'x' -> b.position(b.position() + n);
			default -> throw new IllegalStateException("unsupported TVIPS field kind: " + kind);
			}
		}
	}
}
