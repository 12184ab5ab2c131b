package org.ronchi.io.velox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.io.velox.internal.stream.FrameSelection;
import org.ronchi.io.velox.internal.stream.SpectrumImageSource;
import org.ronchi.io.velox.internal.stream.StreamDecoder;
import org.ronchi.io.velox.internal.stream.StreamGeometry;
import org.ronchi.io.velox.internal.stream.StreamValues;

/**
 * The EDS spectrum image of a file with a {@code /Data/SpectrumImage} group, decoded from its
 * {@code /Data/SpectrumStream} groups (one per detector segment), summed over segments or one signal
 * per segment ({@code sum_EDS_detectors}). The {@code SpectrumImage/<uuid>/Data} cube itself is in a
 * proprietary compressed form FEI has not described and is not read; a "pruned" file that keeps only
 * it yields no spectrum image, with a warning.
 * <p>
 * The scan grid is the stream's own {@code Scan/ScanSize} times its {@code Scan/ScanArea} fractions;
 * only without them is it taken from the first image, as RosettaSciIO always does (which gives the
 * survey size, not the SI size, in files whose images are larger than the SI).
 * The frame count is {@code SpectrumImage/<uuid>/SpectrumImageSettings/endFramePosition}, else the
 * length of the {@code FrameLocationTable}; without either, frames can still be summed (all of them),
 * and keeping them apart costs one scan of the stream at open.
 */
final class SpectrumImageSignals {
	private SpectrumImageSignals() {
	}

	static List<ArrayNode> read(VeloxFile f, long[] imageGrid, Function<String, String> names) {
		List<Group> groups = f.dataGroups("SpectrumStream");
		if (groups.isEmpty()) {
			f.warn("/Data/SpectrumImage holds a spectrum image but there is no /Data/SpectrumStream to decode it from: the file"
					+ " was 'pruned' in Velox or converted by other software, and Velox's compressed cube is not readable");
			return List.of();
		}
		List<SpectrumStreamGroup> streams = new ArrayList<>();
		for (Group g : groups) {
			streams.add(SpectrumStreamGroup.read(f, g));
		}
		SpectrumStreamGroup first = streams.get(0);
		for (SpectrumStreamGroup s : streams) {
			if (s.channels != first.channels) {
				throw new VeloxException(f.path, s.group.path(), s.channels + " channels where " + first.group.path() + " has "
						+ first.channels + ": the detector segments cannot be combined");
			}
		}
		int[] grid = grid(f, first, imageGrid);
		StreamGeometry geometry = new StreamGeometry(grid[0], grid[1], first.channels);
		MetadataTree siSettings = siSettings(f);
		FrameSelection frames = frames(f, first, geometry, siSettings);
		if (first.channels % frames.rebin() != 0) {
			throw new InvalidRequestException(f.path, "option rebin_energy", frames.rebin() + " does not divide the "
					+ first.channels + " channels of the spectrum image");
		}
		DType dtype = f.options.siDtype() != null ? f.options.siDtype() : first.encoding;
		List<ArrayNode> out = new ArrayList<>();
		if (f.options.sumDetectors() || streams.size() == 1) {
			out.add(signal(f, streams, geometry, frames, dtype, siSettings, "EDS", names));
		} else {
			for (SpectrumStreamGroup s : streams) {
				String detector = Attributes.asString(s.metadata.at("BinaryResult", "Detector"));
				String title = detector == null || detector.isEmpty() ? "EDS " + s.group.name() : "EDS " + detector;
				out.add(signal(f, List.of(s), geometry, frames, dtype, siSettings, title, names));
			}
		}
		return out;
	}

	private static ArrayNode signal(VeloxFile f, List<SpectrumStreamGroup> streams, StreamGeometry geometry, FrameSelection frames,
			DType dtype, MetadataTree siSettings, String title, Function<String, String> names) {
		List<StreamValues> values = new ArrayList<>();
		streams.forEach(s -> values.add(s.values));
		SpectrumImageSource source = new SpectrumImageSource(values, geometry, frames, dtype);
		SpectrumStreamGroup first = streams.get(0);
		MetadataTree original = new MetadataTree();
		first.metadata.entries().forEach(original::put);
		original.put("AcquisitionSettings", first.settings);
		if (siSettings != null) {
			original.put("SpectrumImageSettings", siSettings);
		}
		List<Axis> axes = new ArrayList<>();
		if (!frames.sum()) {
			axes.add(Calibrations.frames(original, frames.count(), frames.first(), frames.count(), f.options.units()));
		}
		axes.addAll(List.of(Calibrations.grid(original, geometry.ny(), geometry.nx(), true, f.options.units())));
		axes.add(Calibrations.energy(original, "X-ray energy", geometry.channels() / frames.rebin(), frames.rebin()));
		ArrayNode node = new ArrayNode(names.apply(title), source).axes(axes).title(title).kind("spectrum-image")
				.quantity("X-rays", "counts");
		node.attribute("velox_path", first.group.path());
		node.originalMetadata(original);
		node.metadata(VeloxMetadata.standard(f, original, new VeloxMetadata.Facts(title, "EDS_TEM", "X-rays", "counts", true)));
		if (streams.size() > 1) {
			node.metadata().set("acquisition.detector.name", summedDetector(streams));
		}
		return node;
	}

	/** @return the name the summed segments share ("SuperXG2" for SuperXG21..24), or their names joined by "+" */
	private static String summedDetector(List<SpectrumStreamGroup> streams) {
		List<String> names = streams.stream().map(s -> String.valueOf(Attributes.asString(s.metadata.at("BinaryResult", "Detector")))).toList();
		String prefix = names.get(0);
		for (String n : names) {
			int i = 0;
			while (i < prefix.length() && i < n.length() && prefix.charAt(i) == n.charAt(i)) {
				i++;
			}
			prefix = prefix.substring(0, i);
		}
		return prefix.length() >= 3 ? prefix : String.join("+", names);
	}

	/** @return {rows, columns} of the spectrum image */
	private static int[] grid(VeloxFile f, SpectrumStreamGroup s, long[] imageGrid) {
		MetadataTree scan = s.metadata.child("Scan") instanceof MetadataTree t ? t : new MetadataTree();
		long nx = fraction(scan.at("ScanSize", "width"), scan.at("ScanArea", "left"), scan.at("ScanArea", "right"));
		long ny = fraction(scan.at("ScanSize", "height"), scan.at("ScanArea", "top"), scan.at("ScanArea", "bottom"));
		if (ny > 0 && nx > 0) {
			if (imageGrid != null && (imageGrid[0] != ny || imageGrid[1] != nx)) {
				f.warn(s.group.path() + ": the stream's scan area is " + ny + " x " + nx + " pixels, the images are " + imageGrid[0]
						+ " x " + imageGrid[1] + "; the spectrum image follows the scan area");
			}
			return new int[] { (int) ny, (int) nx };
		}
		if (imageGrid != null && imageGrid[0] > 0 && imageGrid[1] > 0 && imageGrid[0] <= 1 << 16 && imageGrid[1] <= 1 << 16) {
			return new int[] { (int) imageGrid[0], (int) imageGrid[1] };
		}
		throw new VeloxException(f.path, s.group.path() + "/Metadata", "the spectrum image's scan size is unknown: no Scan/ScanArea"
				+ " and no image to take it from");
	}

	/** @return size x (end - start) when it is a whole number of pixels up to 65536, else -1 */
	private static long fraction(Object size, Object start, Object end) {
		Double n = Attributes.asDouble(size);
		Double a = Attributes.asDouble(start);
		Double b = Attributes.asDouble(end);
		if (n == null || a == null || b == null) {
			return -1;
		}
		double px = n * (b - a);
		long r = Math.round(px);
		return Math.abs(px - r) < 1e-3 && r >= 1 && r <= 1 << 16 ? r : -1;
	}

	private static MetadataTree siSettings(VeloxFile f) {
		for (Group g : f.dataGroups("SpectrumImage")) {
			if (g.child("SpectrumImageSettings") instanceof ArrayNode a) {
				return f.json(a);
			}
		}
		return null;
	}

	private static FrameSelection frames(VeloxFile f, SpectrumStreamGroup s, StreamGeometry geometry, MetadataTree siSettings) {
		VeloxOptions o = f.options;
		long bound = s.values.length() / geometry.frameSize() + 1; // frames a stream of this length can reach
		long count = -1;
		Double end = siSettings == null ? null : Attributes.asDouble(siSettings.child("endFramePosition"));
		if (end != null && end == Math.rint(end) && end >= 1) {
			count = end.longValue();
		} else if (s.framesInTable > 0) {
			count = s.framesInTable;
		} else if (!o.sumFrames()) {
			long markers = StreamDecoder.index(s.values, geometry).markers();
			count = Math.max(1, (markers + geometry.frameSize() - 1) / geometry.frameSize());
		}
		if (count > bound) {
			f.warn(s.group.path() + ": the file announces " + count + " frames but the stream can hold at most " + bound + "; using "
					+ bound);
			count = bound;
		}
		if (o.lastFrame() != null && count > 0 && o.lastFrame() > count) {
			throw new InvalidRequestException(f.path, "option last_frame", o.lastFrame() + " is beyond the " + count
					+ " frames of the spectrum image");
		}
		int last = o.lastFrame() != null ? o.lastFrame() : count > 0 ? (int) Math.min(count, Integer.MAX_VALUE - 1) : FrameSelection.TO_END;
		if (o.firstFrame() >= last) {
			throw new InvalidRequestException(f.path, "option first_frame", o.firstFrame() + " is not before the last frame " + last);
		}
		return new FrameSelection(o.firstFrame(), last, o.sumFrames(), o.rebinEnergy());
	}
}
