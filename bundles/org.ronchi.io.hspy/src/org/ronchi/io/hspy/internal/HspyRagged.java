package org.ronchi.io.hspy.internal;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.Datatype;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.hspy.HspyException;

/**
 * HyperSpy's ragged signals ({@code ragged=True}): {@code data} holds a variable-length sequence of
 * numbers per navigation position, {@code ragged_shapes} the shape each is reshaped to, e.g. (n, 2) for
 * n peak positions. Ronchi holds them as point lists: a record per row, one field per column named
 * "0", "1"... (one field "value" for 1-D elements), of the stored number type; the signal's data is the
 * row count per position. When the elements' column shapes differ, each element is one column of values.
 * The sequences are read on first use.
 */
final class HspyRagged implements PointListSource {
	static final String SHAPES = "ragged_shapes";
	/** The name of the node that carries a ragged signal, beside the experiment's {@code data}. */
	static final String NODE = "data_ragged";

	private final Hdf5File file;
	private final String dataPath;
	private final long[] grid;
	private final RecordType type;
	private final long[] rows;
	private List<Object> cells;

	private HspyRagged(Hdf5File file, String dataPath, long[] grid, RecordType type, long[] rows) {
		this.file = file;
		this.dataPath = dataPath;
		this.grid = grid;
		this.type = type;
		this.rows = rows;
	}

	/** @return the ragged signal of an experiment whose data are variable-length sequences with their shapes */
	static HspyRagged read(Path path, Hdf5File file, ArrayNode data, ArrayNode shapes) {
		Datatype stored = file.dataset(data.path()).type();
		if (!(stored instanceof Datatype.VlenSequence v) || number(v.base()) == null) {
			throw new HspyException(path, data.path(), "ragged data is not variable-length sequences of numbers");
		}
		List<Object> s = file.dataset(shapes.path()).readSequences();
		long n = data.size();
		if (s.size() != n) {
			throw new HspyException(path, shapes.path(), s.size() + " shapes for " + n + " ragged elements");
		}
		long[] rows = new long[(int) n];
		long columns = -1;
		boolean same = true;
		for (int i = 0; i < n; i++) {
			int rank = Array.getLength(s.get(i));
			rows[i] = rank == 0 ? 0 : ((Number) Array.get(s.get(i), 0)).longValue();
			long c = 1;
			for (int d = 1; d < rank; d++) {
				c *= ((Number) Array.get(s.get(i), d)).longValue();
			}
			same &= columns < 0 || c == columns || rank == 0;
			columns = rank == 0 ? columns : c;
		}
		DType t = number(v.base());
		List<RecordType.Field> fields = new ArrayList<>();
		if (!same || columns <= 1) {
			fields.add(RecordType.Field.of("value", t));
			if (!same) {
				for (int i = 0; i < n; i++) {
					rows[i] = -1; // the element's length, known once read
				}
			}
		} else {
			for (int c = 0; c < columns; c++) {
				fields.add(RecordType.Field.of(Integer.toString(c), t));
			}
		}
		return new HspyRagged(file, data.path(), data.shape(), new RecordType(fields), rows);
	}

	private static DType number(Datatype t) {
		if (t instanceof Datatype.FloatingPoint f) {
			return DType.floating(f.size());
		}
		return t instanceof Datatype.FixedPoint f ? DType.integer(f.size(), f.signed()) : null;
	}

	@Override
	public RecordType type() {
		return type;
	}

	@Override
	public long[] shape() {
		return grid.clone();
	}

	private synchronized List<Object> cells() {
		if (cells == null) {
			cells = file.dataset(dataPath).readSequences();
		}
		return cells;
	}

	private int index(long... position) {
		long i = 0;
		for (int d = 0; d < grid.length; d++) {
			if (position[d] < 0 || position[d] >= grid[d]) {
				throw new IndexOutOfBoundsException(java.util.Arrays.toString(position) + " outside " + java.util.Arrays.toString(grid));
			}
			i = i * grid[d] + position[d];
		}
		return (int) i;
	}

	@Override
	public int length(long... position) {
		int i = index(position);
		return rows[i] >= 0 ? (int) rows[i] : Array.getLength(cells().get(i));
	}

	@Override
	public PointList read(long... position) {
		Object cell = cells().get(index(position));
		int k = type.fields().size();
		int n = Array.getLength(cell) / k;
		Object[] cols = new Object[k];
		for (int f = 0; f < k; f++) {
			double[] c = new double[n];
			for (int r = 0; r < n; r++) {
				c[r] = ((Number) Array.get(cell, r * k + f)).doubleValue();
			}
			cols[f] = c;
		}
		return PointList.of(type, cols);
	}

	/**
	 * Writes point lists as HyperSpy stores a ragged signal: per position the records row by row as one
	 * sequence of the fields' common type (float64 when they differ), and its shape (rows, fields), or
	 * (rows) for a single field.
	 */
	static void write(WGroup g, PointListSource lists) {
		RecordType t = lists.type();
		DType common = t.fields().get(0).dtype();
		for (RecordType.Field f : t.fields()) {
			common = f.dtype() == common ? common : DType.FLOAT64;
		}
		int k = t.fields().size();
		long[] grid = lists.shape();
		int positions = Math.toIntExact(org.ronchi.core.lazy.Shapes.size(grid));
		List<Object> items = new ArrayList<>();
		List<Object> shapes = new ArrayList<>();
		long[] at = new long[grid.length];
		for (int i = 0; i < positions; i++) {
			PointList p = lists.read(at);
			double[] v = new double[p.length() * k];
			for (int r = 0; r < p.length(); r++) {
				for (int f = 0; f < k; f++) {
					v[r * k + f] = p.getDouble(r, f);
				}
			}
			items.add(org.eclipse.january.dataset.DatasetFactory.createFromObject(v).cast(common.januaryClass()));
			shapes.add(org.eclipse.january.dataset.DatasetFactory.createFromObject(k == 1 ? new long[] { p.length() } : new long[] { p.length(), k }));
			for (int d = grid.length - 1; d >= 0; d--) {
				if (++at[d] < grid[d]) {
					break;
				}
				at[d] = 0;
			}
		}
		g.dataset("data", Value.sequences(Datatype.of(common), grid, items));
		g.dataset(SHAPES, Value.sequences(Datatype.of(DType.INT64), grid, shapes));
	}
}
