package org.ronchi.io.emd.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.hdf5.writer.Datatype;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.emd.EmdPointListArray;

/**
 * Point lists as the {@code data} of an EMD 1.0 PointListArray, as emdfile writes it
 * ({@code h5py.special_dtype(vlen=dtype)}: one variable-length list of packed records per cell of a 2-D
 * grid), plus the attributes with which Ronchi reads them back exactly
 * ({@link EmdPointListArray#FIELD_DTYPES}, {@link EmdPointListArray#FIELD_UNITS},
 * {@link EmdPointListArray#GRID_SHAPE}). The HDF5 writer keeps variable-length data in memory until the
 * file is closed, so every record of the array is held once while writing.
 */
final class PointListArrays {
	private PointListArrays() {
	}

	/** Writes lists as node's {@code data}, with the field and grid attributes. */
	static void data(WGroup node, PointListSource lists) {
		RecordType type = lists.type();
		long[] grid = lists.shape();
		long[] stored = stored(grid);
		if (grid.length != 2) {
			node.attribute(EmdPointListArray.GRID_SHAPE, grid);
		}
		node.attribute(EmdPointListArray.FIELD_DTYPES, type.fields().stream().map(f -> f.dtype().numpyName()).toArray(String[]::new));
		node.attribute(EmdPointListArray.FIELD_UNITS, type.fields().stream().map(RecordType.Field::units).toArray(String[]::new));
		List<Object> cells = new ArrayList<>();
		long n = Shapes.size(grid);
		long[] at = new long[grid.length];
		for (long i = 0; i < n; i++) {
			PointList p = lists.read(at);
			ByteBuffer b = ByteBuffer.allocate(p.length() * type.size());
			p.encode(b);
			cells.add(b.flip());
			for (int d = grid.length - 1; d >= 0; d--) {
				if (++at[d] < grid[d]) {
					break;
				}
				at[d] = 0;
			}
		}
		node.dataset("data", Value.sequences(compound(type), stored, cells));
	}

	/** @return the 2-D grid a PointListArray stores: the grid itself, or it flattened to (rows, last dimension) */
	static long[] stored(long[] grid) {
		if (grid.length == 2) {
			return grid.clone();
		}
		long cols = grid.length == 0 ? 1 : grid[grid.length - 1];
		return new long[] { cols == 0 ? 0 : Shapes.size(grid) / cols, cols };
	}

	/** @return the HDF5 compound type of the records, members packed in field order */
	static Datatype.Compound compound(RecordType type) {
		List<Datatype.Member> members = new ArrayList<>();
		for (int f = 0; f < type.fields().size(); f++) {
			RecordType.Field field = type.fields().get(f);
			members.add(new Datatype.Member(field.name(), type.offset(f), Datatype.of(field.dtype())));
		}
		return new Datatype.Compound(type.size(), members);
	}
}
