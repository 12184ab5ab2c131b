package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * A data group of Berkeley/NCEM EMD 0.x (and of Prismatic and legacy py4DSTEM files written in it): a
 * group with {@code emd_group_type = 1} holding a data dataset (named data, datacube,
 * counted_datacube, diffractionslice, realslice, ...) and one dim vector per dimension,
 * {@code dim1..dimN}, 1-based, with {@code name}/{@code units} attributes (strings or byte strings,
 * units bracketed: {@code [n_m]}). Dims hold all coordinates, or two (linear), or one (a scalar dim).
 */
public final class NcemDataGroup {
	/** Dataset name prefixes HyperSpy/RosettaSciIO take as data, in their order. */
	public static final List<String> DATA_NAMES = List.of("data", "counted_datacube", "datacube", "diffractionslice", "realslice");

	private final Group group;
	private final ArrayNode data;
	private final List<EmdDim> dims;
	private final List<String> problems;

	private NcemDataGroup(Group group, ArrayNode data, List<EmdDim> dims, List<String> problems) {
		this.group = group;
		this.data = data;
		this.dims = dims;
		this.problems = problems;
	}

	/** @return true if the group is tagged as an EMD data group ({@code emd_group_type} 1, as a number or text) */
	public static boolean isDataGroup(Node g) {
		Double t = g instanceof Group ? Attributes.asDouble(g.attribute(EmdNode.TYPE)) : null;
		return t != null && t == 1;
	}

	/** @return the data datasets of a data group, in group order */
	public static List<ArrayNode> dataSets(Group g) {
		List<ArrayNode> out = new ArrayList<>();
		for (Node n : g.children()) {
			if (n instanceof ArrayNode a && DATA_NAMES.stream().anyMatch(p -> a.name().startsWith(p))) {
				out.add(a);
			}
		}
		return out;
	}

	/**
	 * Reads one data dataset of a data group with its dims. A missing dim vector leaves that
	 * dimension uncalibrated and is reported in {@link #problems()}; a dim that cannot be read throws.
	 */
	public static NcemDataGroup read(Path file, Group g, ArrayNode data) {
		List<EmdDim> dims = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		long[] shape = data.shape();
		for (int i = 1; i <= shape.length; i++) {
			Node d = g.child("dim" + i);
			if (d instanceof ArrayNode dn) {
				dims.add(EmdDim.read(file, dn, EmdUnits::ncem));
			} else {
				problems.add(g.path() + ": dim" + i + " is missing; dimension " + (i - 1) + " is left in pixels");
				dims.add(new EmdDim("", "", null, null));
			}
		}
		return new NcemDataGroup(g, data, dims, problems);
	}

	public Group group() {
		return group;
	}

	public ArrayNode data() {
		return data;
	}

	/** @return dims in file order: dim1 describes data dimension 0 */
	public List<EmdDim> dims() {
		return Collections.unmodifiableList(dims);
	}

	public List<String> problems() {
		return Collections.unmodifiableList(problems);
	}

	/**
	 * @return true if HyperSpy/RosettaSciIO reverse this dataset's axes on reading: every data
	 *         dataset except a 4D-STEM {@code datacube}, which is already (scan, scan, detector, detector)
	 */
	public boolean transposed() {
		return !data.name().equals("datacube");
	}
}
