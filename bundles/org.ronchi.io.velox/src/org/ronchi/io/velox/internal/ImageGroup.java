package org.ronchi.io.velox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.Hdf5Exception;
import org.ronchi.hdf5.writer.Datatype;

/**
 * {@code /Data/Image/<uuid>}: {@code Data} stored as {@code (rows, cols, frames)}, one chunk per frame,
 * and {@code Metadata}, one JSON column per frame. The signal is {@code (rows, cols)} for one frame and
 * {@code (frames, rows, cols)} with a navigation time axis for a stack, as HyperSpy orders them.
 * <p>
 * FFTs ({@code realFloatHalfEven/imagFloatHalfEven}, or {@code ...HalfOdd}: the non-redundant half of
 * the transform, as Velox keeps it) and DPC images ({@code realFloat/imagFloat}) are HDF5 compounds of
 * two float32, read as complex64. In a spectrum-image file only the first frame of each image is read,
 * unless {@code load_SI_image_stack} asks for all (RosettaSciIO's default).
 */
final class ImageGroup {
	private ImageGroup() {
	}

	/** @return the signal, or null (with a warning) if its element type is not one Velox writes */
	static ArrayNode signal(VeloxFile f, Group g, boolean siFile, Function<String, String> names) {
		ArrayNode data = f.dataset(g, "Data");
		long[] s = data.shape();
		if (s.length != 3 && s.length != 2) {
			throw new VeloxException(f.path, data.path(), "image data of rank " + s.length + "; Velox stores (rows, columns, frames)");
		}
		String half = complexLayout(f, data);
		if (!data.dtype().isNumeric() || data.dtype().isComplex() && half == null) {
			f.warn(data.path() + ": unsupported image element type (" + data.dtype().numpyName() + "); the image is skipped");
			return null;
		}
		f.checkStored(data);
		long frames = s.length == 3 ? s[2] : 1;
		boolean stack = frames > 1 && (!siFile || f.options.loadSiImageStack());
		// Velox stores (rows, columns, frames): a stack shows the frames first, a single frame drops the axis
		ArraySource view = s.length == 2 ? data.source() : stack ? Views.permute(data.source(), 2, 0, 1) : Views.fix(data.source(), 2, 0);
		MetadataTree original = f.frameMetadata(g);
		String title = title(f, g.name(), original, siFile, half);
		List<Axis> axes = new ArrayList<>();
		if (stack) {
			axes.add(Calibrations.frames(original, frames, 0, 2 * frames, f.options.units()));
		}
		axes.addAll(List.of(Calibrations.grid(original, s[0], s[1], false, f.options.units())));
		boolean fft = "Half".equals(half);
		boolean dpc = !fft && (half != null || title.contains("DPC") || title.equals("A-C") || title.equals("B-D"));
		ArrayNode node = new ArrayNode(names.apply(title), view).axes(axes).title(title)
				.kind(data.dtype().isComplex() ? "complex-image" : stack ? "image-stack" : "image").quantity("Intensity", "");
		node.attribute("velox_path", g.path());
		node.originalMetadata(original);
		node.metadata(VeloxMetadata.standard(f, original,
				new VeloxMetadata.Facts(title, fft ? "FFT" : dpc ? "DPC" : "image", "Intensity", "", false)));
		return node;
	}

	/**
	 * Velox's title for an image, with RosettaSciIO's precedence: in a spectrum-image file the display
	 * label (element maps are named only there), else the operation that produced it, else its
	 * detector, else the display label.
	 */
	private static String title(VeloxFile f, String uuid, MetadataTree original, boolean siFile, String half) {
		String display = f.titles.display(uuid);
		if (siFile && display != null) {
			return display;
		}
		String producer = f.titles.detector(uuid);
		if (producer != null && !producer.isEmpty()) {
			return producer;
		}
		if ("Half".equals(half)) {
			return "Half FFT";
		}
		MetadataTree d = VeloxMetadata.detector(original);
		String detector = d == null ? null : Attributes.asString(d.child("DetectorName"));
		if (detector != null && !detector.isEmpty()) {
			return detector;
		}
		if (display != null) {
			return display;
		}
		String named = Attributes.asString(original.at("BinaryResult", "Detector"));
		return named != null && !named.isEmpty() ? named : "Image";
	}

	/**
	 * @return "Half" for an FFT compound ({@code realFloatHalfEven}...), "Full" for another real/imaginary
	 *         compound (DPC's {@code realFloat}), null for anything else
	 */
	private static String complexLayout(VeloxFile f, ArrayNode data) {
		if (data.dtype() != DType.COMPLEX64 && data.dtype() != DType.COMPLEX128) {
			return null;
		}
		try {
			if (f.stored(data).type() instanceof Datatype.Compound c) {
				return c.members().get(0).name().contains("Half") ? "Half" : "Full";
			}
		} catch (Hdf5Exception e) {
			throw new VeloxException(f.path, data.path(), "cannot read the element type: " + e.problem(), e);
		}
		return null;
	}
}
