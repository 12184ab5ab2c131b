package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;

/**
 * An EMD 1.0 PointListArray: a 2-D grid of PointLists sharing one set of fields, stored as dataset
 * {@code data} of a variable-length compound type (one variable-length record list per cell). The core
 * tree cannot hold such data as numbers, so the cells are read through a {@link Cells} reader the
 * loader supplies (null when none is).
 */
public final class EmdPointListArray extends EmdNode {
	/** Reads one cell: field name to the field's values (a primitive array), in field order. */
	public interface Cells {
		Map<String, Object> cell(int i, int j);
	}

	private final ArrayNode data;
	private Cells cells;

	EmdPointListArray(Path file, Group g, String type) {
		super(file, g, type);
		if (!(g.child("data") instanceof ArrayNode d) || d.rank() != 2) {
			throw new EmdException(file, g.path(), "a PointListArray holds a 2-D dataset named 'data'");
		}
		this.data = d;
	}

	public ArrayNode data() {
		return data;
	}

	/** @return the grid shape (rows, columns) */
	public long[] shape() {
		return data.shape();
	}

	public void cells(Cells reader) {
		this.cells = reader;
	}

	/** @return the PointList at (i, j): field name to values */
	public Map<String, Object> pointList(int i, int j) {
		if (cells == null) {
			throw new EmdException(null, data.path(), "no reader for variable-length PointListArray cells was given");
		}
		long[] s = shape();
		if (i < 0 || j < 0 || i >= s[0] || j >= s[1]) {
			throw new EmdException(null, data.path(), "cell (" + i + ", " + j + ") is outside the " + s[0] + " x " + s[1] + " grid");
		}
		return cells.cell(i, j);
	}
}
