package org.ronchi.io.nexus.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.PointList;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.RecordType;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.nexus.NexusException;

/**
 * Point lists (a variable-length list of records per grid position, e.g. Bragg peaks) in an NXdata, as
 * columns every HDF5 reader reads: the NXdata's signal is the number of records per position; beside
 * it {@value #OFFSETS} (where each position's records start in the columns, one more entry than
 * positions, C order) and one 1-D field {@code points_FIELD} per record field with {@code @units};
 * {@value #FIELDS} lists the fields in record order. Written in one pass over the positions, a chunk of
 * each column at a time; read a position at a time.
 */
final class NexusPointLists implements PointListSource {
	static final String OFFSETS = "offsets";
	static final String FIELDS = "ronchi_point_fields";
	private static final String PREFIX = "points_";
	private static final int CHUNK = 1 << 16;

	private final RecordType type;
	private final long[] shape;
	private final long[] offsets;
	private final List<ArrayNode> columns;

	private NexusPointLists(RecordType type, long[] shape, long[] offsets, List<ArrayNode> columns) {
		this.type = type;
		this.shape = shape;
		this.offsets = offsets;
		this.columns = columns;
	}

	/** Writes the offsets and columns of lists into an NXdata whose signal holds their counts. */
	static void write(WGroup nxdata, PointListSource lists) {
		long[] grid = lists.shape();
		int positions = Math.toIntExact(Shapes.size(grid));
		long[] offsets = new long[positions + 1];
		long[] at = new long[grid.length];
		for (int i = 0; i < positions; i++) {
			offsets[i + 1] = offsets[i] + lists.length(at);
			next(at, grid);
		}
		nxdata.dataset(OFFSETS, offsets);
		RecordType type = lists.type();
		List<String> names = new ArrayList<>();
		List<WDataset> cols = new ArrayList<>();
		List<ByteBuffer> buffers = new ArrayList<>();
		long total = offsets[positions];
		for (RecordType.Field f : type.fields()) {
			names.add(f.name());
			WDataset d = nxdata.dataset(PREFIX + f.name(), f.dtype(), new long[] { total }, DatasetOptions.chunked(CHUNK).shuffle().deflate(4));
			if (!f.units().isEmpty()) {
				d.attribute("units", f.units());
			}
			cols.add(d);
			buffers.add(ByteBuffer.allocate(CHUNK * f.dtype().itemSize()).order(ByteOrder.LITTLE_ENDIAN));
		}
		nxdata.attribute(FIELDS, names.toArray(new String[0]));
		java.util.Arrays.fill(at, 0);
		long written = 0;
		for (int i = 0; i < positions; i++) {
			PointList p = lists.read(at);
			for (int r = 0; r < p.length(); r++) {
				for (int f = 0; f < cols.size(); f++) {
					put(buffers.get(f), type.fields().get(f).dtype(), p, r, f);
				}
				if (++written % CHUNK == 0) {
					flush(cols, buffers, written - CHUNK);
				}
			}
			next(at, grid);
		}
		if (written % CHUNK != 0) {
			flush(cols, buffers, written - written % CHUNK);
		}
	}

	private static void put(ByteBuffer b, DType t, PointList p, int r, int f) {
		switch (t) {
		case FLOAT32 -> b.putFloat((float) p.getDouble(r, f));
		case FLOAT64 -> b.putDouble(p.getDouble(r, f));
		case INT8, UINT8 -> b.put((byte) p.getLong(r, f));
		case INT16, UINT16 -> b.putShort((short) p.getLong(r, f));
		case INT32, UINT32 -> b.putInt((int) p.getLong(r, f));
		default -> b.putLong(p.getLong(r, f));
		}
	}

	private static void flush(List<WDataset> cols, List<ByteBuffer> buffers, long start) {
		for (int f = 0; f < cols.size(); f++) {
			ByteBuffer b = buffers.get(f);
			cols.get(f).writeChunk(new long[] { start }, b.flip());
			b.clear();
		}
	}

	private static void next(long[] at, long[] grid) {
		for (int d = grid.length - 1; d >= 0; d--) {
			if (++at[d] < grid[d]) {
				return;
			}
			at[d] = 0;
		}
	}

	/** @return whether an NXdata Ronchi wrote holds point lists */
	static boolean holds(Group nxdata) {
		return nxdata.attribute(FIELDS) != null && nxdata.child(OFFSETS) instanceof ArrayNode;
	}

	/** Reads the point lists of an NXdata {@link #write} wrote; the offsets now, the columns as asked. */
	static NexusPointLists read(Path file, Group nxdata, long[] grid) {
		List<RecordType.Field> fields = new ArrayList<>();
		List<ArrayNode> columns = new ArrayList<>();
		for (String name : NxData.names(nxdata.attribute(FIELDS))) {
			if (!(nxdata.child(PREFIX + name) instanceof ArrayNode c) || c.rank() != 1) {
				throw new NexusException(file, nxdata.path(), "point list field '" + name + "' has no 1-D column " + PREFIX + name);
			}
			fields.add(new RecordType.Field(name, c.dtype(), Nx.text(c, "units")));
			columns.add(c);
		}
		ArrayNode off = (ArrayNode) nxdata.child(OFFSETS);
		Dataset o = off.source().read(new long[] { 0 }, new int[] { Math.toIntExact(off.size()) });
		long[] offsets = new long[o.getSize()];
		for (int i = 0; i < offsets.length; i++) {
			offsets[i] = o.getElementLongAbs(i);
		}
		if (offsets.length != Shapes.size(grid) + 1) {
			throw new NexusException(file, off.path(), offsets.length + " offsets for " + Shapes.size(grid) + " positions");
		}
		return new NexusPointLists(new RecordType(fields), grid.clone(), offsets, columns);
	}

	@Override
	public RecordType type() {
		return type;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	private int index(long... position) {
		long i = 0;
		for (int d = 0; d < shape.length; d++) {
			if (position[d] < 0 || position[d] >= shape[d]) {
				throw new IndexOutOfBoundsException(java.util.Arrays.toString(position) + " outside " + java.util.Arrays.toString(shape));
			}
			i = i * shape[d] + position[d];
		}
		return (int) i;
	}

	@Override
	public int length(long... position) {
		int i = index(position);
		return (int) (offsets[i + 1] - offsets[i]);
	}

	@Override
	public PointList read(long... position) {
		int i = index(position);
		int n = (int) (offsets[i + 1] - offsets[i]);
		if (n == 0) {
			return PointList.empty(type);
		}
		Object[] cols = new Object[columns.size()];
		for (int f = 0; f < cols.length; f++) {
			cols[f] = columns.get(f).source().read(new long[] { offsets[i] }, new int[] { n }).getBuffer();
		}
		return PointList.of(type, cols);
	}
}
