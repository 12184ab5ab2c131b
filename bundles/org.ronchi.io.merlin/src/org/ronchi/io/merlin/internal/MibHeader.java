package org.ronchi.io.merlin.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.merlin.MerlinException;

/**
 * The ASCII header in front of every Merlin frame (Quantum Detectors, "Merlin for EM" manual, section
 * "MIB file format"): comma-separated fields padded with NULs to the header size, {@code MQ1} first.
 * <ol start="0">
 * <li>{@code MQ1}; 1: acquisition sequence number (6 digits, 1 for the first frame); 2: header size in
 * bytes ({@code 00384} single chip, {@code 00768} quad); 3: number of chips; 4, 5: width and height in
 * pixels as stored; 6: pixel type {@code U08 U16 U32} (processed: big-endian counts) or {@code R64}
 * (the chips' raw readout); 7: sensor layout ({@code 1x1}, {@code 2x2}, {@code 2x2G} with gaps,
 * {@code Nx1}); 8: chip select (hex); 9: time stamp; 10: shutter open time in seconds; 11: counter;
 * 12: colour mode; 13: gain mode; 14-21: the eight thresholds in keV;</li>
 * <li>then one DAC block per chip (chip type such as {@code 3RX}, then its DAC values);</li>
 * <li>then, from firmware 0.67 on, {@code MQ1A}, the time stamp in ISO 8601 with nanoseconds, the
 * exposure time ({@code 100000000ns}) and the counter depth (1, 6, 12 or 24 bits).</li>
 * </ol>
 * Everything is kept verbatim ({@link #toTree()}); what the reader needs is parsed and range-checked
 * here, so that a header out of range fails with the field's name.
 */
final class MibHeader {
	/** What every frame starts with; the probe looks for it. */
	static final String MAGIC = "MQ1,";
	/** Bytes enough to read the header size field ({@code MQ1,000001,00384,}). */
	static final int PREFIX = 17;
	private static final String[] THRESHOLDS = { "Threshold 0 (keV)", "Threshold 1 (keV)", "Threshold 2 (keV)", "Threshold 3 (keV)",
			"Threshold 4 (keV)", "Threshold 5 (keV)", "Threshold 6 (keV)", "Threshold 7 (keV)" };

	final String text;
	final long sequence;
	final int size;
	final int chips;
	final int width;
	final int height;
	final String pixelType;
	final String layout;
	final String timeStamp;
	final double shutterSeconds;
	/** From the MQ1A extension, or null. */
	final String isoTimeStamp;
	/** From the MQ1A extension, or -1. */
	final long exposureNanos;
	/** From the MQ1A extension, or 0 when the header has none. */
	final int depth;
	private final String[] fields;
	private final int extension;

	private MibHeader(String text, String[] fields, Path file, String where) {
		this.text = text;
		this.fields = fields;
		if (fields.length < 22) {
			throw new MerlinException(file, where, "has " + fields.length + " fields, a Merlin frame header at least 22: " + shorten(text));
		}
		sequence = number(file, where, "sequence number", fields[1], 0, 999_999_999L);
		size = (int) number(file, where, "header size", fields[2], PREFIX, 99_999);
		chips = (int) number(file, where, "number of chips", fields[3], 1, 64);
		width = (int) number(file, where, "width", fields[4], 1, 65_535);
		height = (int) number(file, where, "height", fields[5], 1, 65_535);
		pixelType = fields[6].strip().toUpperCase(Locale.ROOT);
		layout = fields[7].strip();
		timeStamp = fields[9].strip();
		shutterSeconds = decimal(file, where, "shutter time", fields[10]);
		int ext = -1;
		for (int i = 22; i < fields.length; i++) {
			if (fields[i].strip().equals("MQ1A")) {
				ext = i;
				break;
			}
		}
		extension = ext;
		if (ext >= 0 && fields.length > ext + 3) {
			isoTimeStamp = fields[ext + 1].strip();
			String exposure = fields[ext + 2].strip();
			exposureNanos = number(file, where, "exposure time", exposure.endsWith("ns") ? exposure.substring(0, exposure.length() - 2) : exposure, 0,
					Long.MAX_VALUE);
			depth = (int) number(file, where, "counter depth", fields[ext + 3], 1, 24);
			if (depth != 1 && depth != 6 && depth != 12 && depth != 24) {
				throw new MerlinException(file, where, "counter depth " + depth + " is not one Merlin counts with (1, 6, 12 or 24 bits)");
			}
		} else {
			isoTimeStamp = null;
			exposureNanos = -1;
			depth = 0;
		}
	}

	/**
	 * @param bytes the header's bytes (at least its size; more are ignored)
	 * @param where the structure, for messages ("frame header 0 at 0x0")
	 * @throws MerlinException naming the field out of range
	 */
	static MibHeader parse(Path file, String where, byte[] bytes) {
		if (bytes.length < PREFIX || !new String(bytes, 0, MAGIC.length(), StandardCharsets.US_ASCII).equals(MAGIC)) {
			throw new MerlinException(file, where, "does not start with " + MAGIC + " (a Merlin frame header): "
					+ shorten(new String(bytes, 0, Math.min(bytes.length, 24), StandardCharsets.ISO_8859_1)));
		}
		int size = headerSize(file, where, bytes);
		if (size > bytes.length) {
			throw new MerlinException(file, where, "says it is " + size + " bytes long, only " + bytes.length + " are there");
		}
		int end = size;
		while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) {
			end--;
		}
		String text = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
		String[] fields = text.split(",", -1);
		if (fields.length > 0 && fields[fields.length - 1].isEmpty()) {
			fields = Arrays.copyOf(fields, fields.length - 1);
		}
		return new MibHeader(text, fields, file, where);
	}

	/** @return the header size field of bytes that start with {@link #MAGIC} */
	static int headerSize(Path file, String where, byte[] bytes) {
		String s = new String(bytes, 0, PREFIX, StandardCharsets.ISO_8859_1);
		String[] f = s.split(",");
		if (f.length < 3) {
			throw new MerlinException(file, where, "has no header size field: " + shorten(s));
		}
		return (int) number(file, where, "header size", f[2], PREFIX, 99_999);
	}

	/** @return true if the pixels are the chips' raw readout ({@code R64}) */
	boolean raw() {
		return pixelType.equals("R64");
	}

	/** @return true if four chips are placed as a square ({@code 2x2}, {@code 2x2G}) */
	boolean quad() {
		return chips == 4 && layout.toUpperCase(Locale.ROOT).startsWith("2X2");
	}

	/** @return the threshold in keV (0-7), or NaN if it does not parse */
	double threshold(int i) {
		try {
			return Double.parseDouble(fields[14 + i].strip());
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** @return the MQ1A time stamp in nanoseconds since 1970, or null if the header has none that parses */
	Long epochNanos() {
		if (isoTimeStamp == null) {
			return null;
		}
		try {
			Instant t = Instant.parse(isoTimeStamp);
			return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
		} catch (DateTimeParseException | ArithmeticException e) {
			return null;
		}
	}

	/** @return true if frames described by other have the same size, type and geometry as this one's */
	boolean sameFrames(MibHeader other) {
		return size == other.size && chips == other.chips && width == other.width && height == other.height && pixelType.equals(other.pixelType)
				&& layout.equals(other.layout) && depth == other.depth;
	}

	/** @return the header as the original metadata keeps it: the fields named, the text verbatim */
	MetadataTree toTree() {
		MetadataTree t = new MetadataTree();
		t.put("Header ID", fields[0].strip());
		t.put("Sequence Number", sequence);
		t.put("Header Size", size);
		t.put("Number of Chips", chips);
		t.put("Width", width);
		t.put("Height", height);
		t.put("Pixel Type", pixelType);
		t.put("Sensor Layout", layout);
		t.put("Chip Select", fields[8].strip());
		t.put("Time Stamp", timeStamp);
		t.put("Shutter Time (s)", shutterSeconds);
		t.put("Counter", fields[11].strip());
		t.put("Colour Mode", fields[12].strip());
		t.put("Gain Mode", fields[13].strip());
		for (int i = 0; i < THRESHOLDS.length; i++) {
			double v = threshold(i);
			t.put(THRESHOLDS[i], Double.isNaN(v) ? fields[14 + i].strip() : v);
		}
		List<String> dacs = new ArrayList<>();
		int dacEnd = extension >= 0 ? extension : fields.length;
		for (int i = 22; i < dacEnd; i++) {
			dacs.add(fields[i].strip());
		}
		t.put("DACs", String.join(",", dacs));
		if (extension >= 0) {
			t.put("Extended Time Stamp", isoTimeStamp);
			t.put("Exposure Time (ns)", exposureNanos);
			t.put("Counter Depth", depth);
		}
		t.put("text", text);
		return t;
	}

	private static long number(Path file, String where, String field, String v, long min, long max) {
		String s = v.strip();
		long n;
		try {
			n = Long.parseLong(s);
		} catch (NumberFormatException e) {
			throw new MerlinException(file, where, "field " + field + " is not a number: \"" + shorten(s) + "\"");
		}
		if (n < min || n > max) {
			throw new MerlinException(file, where, "field " + field + " is " + n + ", outside " + min + " to " + max);
		}
		return n;
	}

	private static double decimal(Path file, String where, String field, String v) {
		try {
			double d = Double.parseDouble(v.strip());
			if (d < 0 || !Double.isFinite(d)) {
				throw new MerlinException(file, where, "field " + field + " is " + d + ", not a time");
			}
			return d;
		} catch (NumberFormatException e) {
			throw new MerlinException(file, where, "field " + field + " is not a number: \"" + shorten(v.strip()) + "\"");
		}
	}

	private static String shorten(String s) {
		String p = s.replaceAll("[^\\x20-\\x7e]", "?");
		return p.length() > 40 ? p.substring(0, 40) + "..." : p;
	}
}
