package org.ronchi.processing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;

/**
 * The input of one run as the operation sees it in {@link Operation#prepare}: where it comes from, its
 * element type, its shape split into navigation (positions) and signal (frame) dimensions, and its
 * calibration. The data itself is never reachable from here: the engine reads it.
 *
 * @param file source file, or null for in-memory data
 * @param dataset the dataset's path in the file (or a name)
 * @param navRank how many leading dimensions are navigation dimensions
 * @param axes one per dimension, navigation first; navigate flags set accordingly
 * @param units units of the values, "" if unknown
 * @param quantity what the values are ("Intensity"), "" if unknown
 * @param records for point-list input ({@link InputSpec#pointLists()}): the fields of each record
 *                (names, types, units); null for an array
 */
public record InputInfo(Path file, String dataset, DType dtype, long[] shape, int navRank, List<Axis> axes, String units,
		String quantity, RecordType records) {

	public InputInfo {
		shape = shape.clone();
		axes = List.copyOf(axes);
	}

	public InputInfo(Path file, String dataset, DType dtype, long[] shape, int navRank, List<Axis> axes, String units, String quantity) {
		this(file, dataset, dtype, shape, navRank, axes, units, quantity, null);
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	public int rank() {
		return shape.length;
	}

	public int sigRank() {
		return shape.length - navRank;
	}

	public long[] navShape() {
		return Arrays.copyOf(shape, navRank);
	}

	/** @return the frame shape; frames are small enough for int indices */
	public int[] sigShape() {
		return Shapes.toInt(Arrays.copyOfRange(shape, navRank, shape.length));
	}

	/** @return elements per frame */
	public int frameSize() {
		return Math.toIntExact(Shapes.size(sigShape()));
	}

	/** @return number of frames */
	public long frames() {
		return Shapes.size(navShape());
	}

	public List<Axis> navAxes() {
		return axes.subList(0, navRank);
	}

	public List<Axis> sigAxes() {
		return axes.subList(navRank, axes.size());
	}

	/** @return "file:dataset" or the dataset name, for messages */
	public String where() {
		return file == null ? dataset : file.getFileName() + ":" + dataset;
	}
}
