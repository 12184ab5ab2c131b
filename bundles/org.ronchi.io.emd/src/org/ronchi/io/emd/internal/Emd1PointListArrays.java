package org.ronchi.io.emd.internal;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronchi.io.emd.EmdPointListArray;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.Datatype;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;

/**
 * The {@code data} dataset of an EMD 1.0 PointListArray as emdfile writes it
 * ({@code h5py.special_dtype(vlen=dtype)}): a 2-D dataset of variable-length sequences of the
 * PointList record, one sequence per cell, no attributes. The record type is taken from the source
 * file (member names, offsets, integer signedness and sizes kept), since the decoded cells widen
 * unsigned integers and would lose them.
 */
final class Emd1PointListArrays {
	private Emd1PointListArrays() {
	}

	/** Writes pla's data into g; @return null, or why it cannot be written */
	static String write(WGroup g, EmdPointListArray pla, Hdf5File source) {
		Datatype t = source.dataset(pla.data().path()).type();
		if (!(t instanceof Datatype.VlenSequence v) || !(v.base() instanceof Datatype.Compound record)) {
			return pla.group().path() + ": PointListArray not written (data is not variable-length records)";
		}
		for (Datatype.Member m : record.members()) {
			if (!(m.type() instanceof Datatype.FixedPoint || m.type() instanceof Datatype.FloatingPoint)) {
				return pla.group().path() + ": PointListArray not written (field " + m.name() + " is not a number)";
			}
		}
		long[] shape = pla.shape();
		List<Object> cells = new ArrayList<>();
		for (int i = 0; i < shape[0]; i++) {
			for (int j = 0; j < shape[1]; j++) {
				cells.add(records(record, pla.pointList(i, j)));
			}
		}
		g.dataset("data", Value.sequences(record, shape, cells));
		return null;
	}

	/** Encodes one cell (field name to a primitive or Number array) as little-endian records. */
	private static ByteBuffer records(Datatype.Compound record, Map<String, Object> cell) {
		Object first = cell.get(record.members().get(0).name());
		int n = first == null ? 0 : Array.getLength(first);
		ByteBuffer b = ByteBuffer.allocate(n * record.size()).order(ByteOrder.LITTLE_ENDIAN);
		for (Datatype.Member m : record.members()) {
			Object values = cell.get(m.name());
			for (int k = 0; k < n; k++) {
				Number x = (Number) Array.get(values, k);
				int at = k * record.size() + m.offset();
				if (m.type() instanceof Datatype.FloatingPoint) {
					if (m.type().size() == 4) {
						b.putFloat(at, x.floatValue());
					} else {
						b.putDouble(at, x.doubleValue());
					}
				} else {
					long bits = x.longValue(); // low bytes: unsigned values jhdf widened come back as stored
					for (int byteIndex = 0; byteIndex < m.type().size(); byteIndex++) {
						b.put(at + byteIndex, (byte) (bits >>> (8 * byteIndex)));
					}
				}
			}
		}
		return b;
	}
}
