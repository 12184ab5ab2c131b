package org.ronchi.io.mrc.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.io.mrc.MrcException;
import org.ronchi.core.io.RonchiException;

/**
 * Where each frame of a Direct Electron scan belongs: a navigation grid (C order) and, for every grid
 * cell, the frame recorded there (-1 if none). A raster scan fills the grid in frame order:
 * {@code [repeats,] rows, columns[, point repeats]} from "Scan - Repeats", "Scan - Size Y/X" (or the
 * ROI size when a ROI was scanned) and "Scan - Point Repeat". Any other scan type lists each frame's
 * position in {@code <dataset>*coordinates.csv} ("x,y" per line); a position visited again goes to the
 * next index of a trailing repeat dimension.
 */
record DeScan(long[] navShape, int[] frameOf, String description) {

	/** Grids with more cells than this are not scans DE-Server writes. */
	static final long MAX_CELLS = 1L << 26;

	/** @return true if the grid is the frames in order (no table needed to find them) */
	boolean inOrder() {
		return frameOf == null;
	}

	/**
	 * @param frames the movie's frame count (nz)
	 * @return the grid, or null if the sidecar does not describe a scan matching the frames
	 */
	static DeScan raster(DeInfo info, long frames, List<String> warnings) {
		int repeats = info.positive("Scan - Repeats", 1);
		int pointRepeat = info.positive("Scan - Point Repeat", 1);
		int[][] sizes = { { info.positive("Scan - Size Y", 0), info.positive("Scan - Size X", 0) },
				{ info.positive("Scan - ROI Size Y", 0), info.positive("Scan - ROI Size X", 0) } };
		for (int[] yx : sizes) {
			if (yx[0] == 0 || yx[1] == 0) {
				continue;
			}
			List<Long> shape = new ArrayList<>();
			if (repeats > 1) {
				shape.add((long) repeats);
			}
			shape.add((long) yx[0]);
			shape.add((long) yx[1]);
			if (pointRepeat > 1) {
				shape.add((long) pointRepeat);
			}
			long[] nav = shape.stream().mapToLong(Long::longValue).toArray();
			long cells = 1;
			for (long n : nav) {
				cells *= n;
			}
			if (cells == frames) {
				return new DeScan(nav, null, "raster " + yx[1] + " x " + yx[0]);
			}
		}
		warnings.add("DE sidecar: the scan size (" + info.text("Scan - Size X", "?") + " x " + info.text("Scan - Size Y", "?")
				+ ") does not match the " + frames + " frames; the frames are shown as a stack");
		return null;
	}

	/** Reads a coordinates CSV ("x,y" per line, one line per frame, in frame order). */
	static DeScan positions(Path csv, long frames, List<String> warnings) {
		List<String> lines;
		try {
			lines = Files.readAllLines(csv, StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw new RonchiException(csv, null, "cannot be read: " + e.getMessage(), e);
		}
		List<int[]> pos = new ArrayList<>();
		int maxX = -1;
		int maxY = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] p = line.split("[,;\\s]+");
			try {
				int x = Integer.parseInt(p[0]);
				int y = Integer.parseInt(p[1]);
				if (x < 0 || y < 0) {
					throw new NumberFormatException("negative");
				}
				pos.add(new int[] { x, y });
				maxX = Math.max(maxX, x);
				maxY = Math.max(maxY, y);
			} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
				throw new MrcException(csv, "line " + (i + 1), "expected 'x,y' scan coordinates, got: " + line);
			}
		}
		if (pos.size() > frames) {
			warnings.add(csv.getFileName() + " lists " + pos.size() + " positions for " + frames + " frames; the extra ones are ignored");
			pos = pos.subList(0, (int) frames);
		}
		if (pos.isEmpty()) {
			throw new MrcException(csv, null, "lists no scan positions");
		}
		long cells2d = (long) (maxX + 1) * (maxY + 1);
		int[] visits = new int[(int) Math.min(cells2d, MAX_CELLS)];
		if (cells2d > MAX_CELLS) {
			throw new MrcException(csv, null, "positions up to " + maxX + ", " + maxY + " span more cells than a scan has");
		}
		int repeats = 0;
		for (int[] p : pos) {
			repeats = Math.max(repeats, ++visits[p[1] * (maxX + 1) + p[0]]);
		}
		if (cells2d * repeats > MAX_CELLS) {
			throw new MrcException(csv, null, "positions repeat " + repeats + " times over " + cells2d + " cells: too many cells");
		}
		int[] frameOf = new int[(int) (cells2d * repeats)];
		Arrays.fill(frameOf, -1);
		Arrays.fill(visits, 0);
		for (int f = 0; f < pos.size(); f++) {
			int cell = pos.get(f)[1] * (maxX + 1) + pos.get(f)[0];
			frameOf[cell * repeats + visits[cell]++] = f;
		}
		long[] nav = repeats > 1 ? new long[] { maxY + 1, maxX + 1, repeats } : new long[] { maxY + 1, maxX + 1 };
		return new DeScan(nav, frameOf, "positions from " + csv.getFileName());
	}
}
