package org.ronchi.io.merlin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ronchi.core.io.RonchiException;
import org.ronchi.core.lazy.Scan;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.merlin.MerlinException;

/**
 * The {@code .hdr} Merlin writes beside an acquisition: {@code HDR,} then one {@code key:<TAB>value}
 * line per setting (chip type, thresholds, DACs, frames in the acquisition and per trigger, ...) and
 * {@code End}. Kept verbatim; the scan shape comes from {@code ScanX}/{@code ScanY} when the software
 * wrote them, else from {@code Frames per Trigger} (one trigger per scan row) as LiberTEM and
 * RosettaSciIO read it.
 */
final class HdrFile {
	static final String MAGIC = "HDR,";
	static final String FRAMES = "Frames in Acquisition (Number)";
	static final String PER_TRIGGER = "Frames per Trigger (Number)";
	private static final long MAX_SIZE = 1 << 20;

	final Path path;
	final Map<String, String> entries;

	private HdrFile(Path path, Map<String, String> entries) {
		this.path = path;
		this.entries = entries;
	}

	/** @throws MerlinException if the file is not a Merlin .hdr */
	static HdrFile read(Path path) {
		String text;
		try {
			long size = Files.size(path);
			if (size > MAX_SIZE) {
				throw new MerlinException(path, ".hdr", "is " + size + " bytes, not a Merlin acquisition header (a few KiB)");
			}
			text = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw new RonchiException(path, null, "cannot be read: " + e.getMessage(), e);
		}
		if (!text.startsWith(MAGIC)) {
			throw new MerlinException(path, ".hdr", "does not start with " + MAGIC + " (a Merlin acquisition header)");
		}
		Map<String, String> entries = new LinkedHashMap<>();
		for (String line : text.split("\r?\n")) {
			int tab = line.indexOf('\t');
			if (line.startsWith(MAGIC) || line.startsWith("End") || tab < 0) {
				continue;
			}
			String key = line.substring(0, tab).strip();
			if (key.endsWith(":")) {
				key = key.substring(0, key.length() - 1);
			}
			entries.put(key, line.substring(tab + 1).strip());
		}
		return new HdrFile(path, entries);
	}

	/**
	 * @return the scan the header records ({@code ScanX}/{@code ScanY}, or rows of
	 *         {@code Frames per Trigger}), a stack of {@code Frames in Acquisition} when it records one
	 *         frame per trigger, or null when it records neither (0 frames: an open-ended acquisition)
	 */
	Scan.Shape scan() {
		long x = count("ScanX");
		long y = count("ScanY");
		if (x > 0 && y > 0) {
			return Scan.Shape.known("the .hdr's ScanY and ScanX", y, x);
		}
		long frames = count(FRAMES);
		long perTrigger = count(PER_TRIGGER);
		if (frames > 0 && perTrigger > 1 && frames >= perTrigger) {
			return Scan.Shape.known("the .hdr's " + FRAMES + " and " + PER_TRIGGER + " (one trigger per scan row)", (frames + perTrigger - 1) / perTrigger,
					perTrigger);
		}
		return frames > 0 && perTrigger == 1 ? Scan.Shape.known("the .hdr's " + FRAMES + " (one frame per trigger)", frames) : null;
	}

	/** @return true if the header records one frame per trigger, so the scan rows are not known from it */
	boolean framePerTrigger() {
		return count(PER_TRIGGER) == 1 && !(count("ScanX") > 0 && count("ScanY") > 0);
	}

	/** @return a positive count, or 0 when absent or not a positive integer */
	private long count(String key) {
		String v = entries.get(key);
		if (v == null) {
			return 0;
		}
		try {
			long n = Long.parseLong(v.strip());
			return Math.max(0, n);
		} catch (NumberFormatException e) {
			return 0;
		}
	}

	MetadataTree toTree() {
		MetadataTree t = new MetadataTree();
		entries.forEach(t::put);
		return t;
	}
}
