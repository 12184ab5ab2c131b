package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;

/**
 * An EMD 1.0 PointListArray: a 2-D grid of PointLists sharing one set of fields, stored as dataset
 * {@code data} of a variable-length compound type (one variable-length record list per cell). The core
 * tree cannot hold such data as numbers, so the cells are read through a {@link Cells} reader the
 * loader supplies (null when none is); {@link #records()} gives them as core point lists.
 * <p>
 * Ronchi's results add attributes emdfile ignores: {@value #FIELD_DTYPES} and {@value #FIELD_UNITS}
 * (the record's field types and units, in field order: decoded cells widen unsigned integers) and
 * {@value #GRID_SHAPE} (the navigation grid when it is not 2-D; the stored grid is then that shape
 * flattened to 2-D, C order).
 */
public final class EmdPointListArray extends EmdNode {
	public static final String FIELD_DTYPES = "field_dtypes";
	public static final String FIELD_UNITS = "field_units";
	public static final String GRID_SHAPE = "grid_shape";

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

	/**
	 * @return the cells as point lists over the grid ({@value #GRID_SHAPE} if given, else the stored 2-D
	 *         grid); the record type from {@value #FIELD_DTYPES}/{@value #FIELD_UNITS}, else from the first
	 *         cell's decoded columns
	 */
	public PointListSource records() {
		long[] stored = shape();
		Object g = group().attribute(GRID_SHAPE);
		long[] grid = g instanceof long[] l ? l.clone() : stored;
		if (Shapes.size(grid) != stored[0] * stored[1]) {
			throw new EmdException(null, group().path(), GRID_SHAPE + " " + Shapes.format(grid) + " does not fit the stored "
					+ Shapes.format(stored) + " cells");
		}
		return new PointListSource() {
			private RecordType type;

			@Override
			public synchronized RecordType type() {
				if (type == null) {
					type = recordType(pointList(0, 0));
				}
				return type;
			}

			@Override
			public long[] shape() {
				return grid.clone();
			}

			@Override
			public PointList read(long... position) {
				long flat = 0;
				for (int d = 0; d < grid.length; d++) {
					if (position[d] < 0 || position[d] >= grid[d]) {
						throw new IndexOutOfBoundsException("position " + java.util.Arrays.toString(position) + " outside " + Shapes.format(grid));
					}
					flat = flat * grid[d] + position[d];
				}
				Map<String, Object> cell = pointList((int) (flat / stored[1]), (int) (flat % stored[1]));
				RecordType t = type();
				Object[] columns = new Object[t.fields().size()];
				for (int f = 0; f < columns.length; f++) {
					columns[f] = cell.get(t.fields().get(f).name());
				}
				return PointList.of(t, columns);
			}
		};
	}

	private RecordType recordType(Map<String, Object> firstCell) {
		String[] types = strings(FIELD_DTYPES);
		String[] units = strings(FIELD_UNITS);
		List<RecordType.Field> fields = new ArrayList<>();
		int f = 0;
		for (Map.Entry<String, Object> e : firstCell.entrySet()) {
			DType t = types != null && f < types.length ? DType.fromNumpy(types[f]) : javaType(e.getValue());
			fields.add(new RecordType.Field(e.getKey(), t, units != null && f < units.length ? units[f] : ""));
			f++;
		}
		return new RecordType(fields);
	}

	private String[] strings(String attribute) {
		Object v = group().attribute(attribute);
		return v instanceof String[] s ? s : null;
	}

	/** @return the type a decoded column's Java array holds (an HDF5 reader widens unsigned integers) */
	private DType javaType(Object column) {
		return switch (column) {
		case double[] d -> DType.FLOAT64;
		case float[] d -> DType.FLOAT32;
		case long[] d -> DType.INT64;
		case int[] d -> DType.INT32;
		case short[] d -> DType.INT16;
		case byte[] d -> DType.INT8;
		default -> throw new EmdException(null, group().path(), "PointListArray field of unsupported type "
				+ (column == null ? "null" : column.getClass().getSimpleName()));
		};
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
