package org.ronchi.io.emd.internal;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.CompoundDataType.CompoundDataMember;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.datatype.VariableLength;
import org.ronchi.io.emd.EmdPointListArray;
import org.ronchi.hdf5.writer.Datatype;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;

/**
 * The {@code data} dataset of an EMD 1.0 PointListArray as emdfile writes it
 * ({@code h5py.special_dtype(vlen=dtype)}): a 2-D dataset of variable-length sequences of the
 * PointList record, one sequence per cell, no attributes. The record type is taken from the source
 * file (member names, offsets, integer signedness and sizes kept), since the cells jhdf decodes widen
 * unsigned integers and would lose them.
 */
final class Emd1PointListArrays {
	private Emd1PointListArrays() {
	}

	/** Writes pla's data into g; @return null, or why it cannot be written */
	static String write(WGroup g, EmdPointListArray pla, HdfFile source) {
		DataType t = source.getDatasetByPath(pla.data().path()).getDataType();
		if (!(t instanceof VariableLength v) || !(v.getParent() instanceof CompoundDataType c)) {
			return pla.group().path() + ": PointListArray not written (data is not variable-length records)";
		}
		List<Datatype.Member> members = new ArrayList<>();
		for (CompoundDataMember m : c.getMembers()) {
			Datatype mt = switch (m.getDataType()) {
			case FixedPoint f -> new Datatype.FixedPoint(f.getSize(), f.isSigned());
			case FloatingPoint f -> new Datatype.FloatingPoint(f.getSize());
			default -> null;
			};
			if (mt == null) {
				return pla.group().path() + ": PointListArray not written (field " + m.getName() + " is not a number)";
			}
			members.add(new Datatype.Member(m.getName(), m.getOffset(), mt));
		}
		Datatype.Compound record = new Datatype.Compound(c.getSize(), members);
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
