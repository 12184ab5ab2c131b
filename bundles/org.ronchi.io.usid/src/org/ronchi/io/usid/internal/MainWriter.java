package org.ronchi.io.usid.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.LongDataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.io.usid.Ancillaries;
import org.ronchi.io.usid.ChunkSize;
import org.ronchi.io.usid.Dimension;
import org.ronchi.io.usid.IndexMatrix;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.ResultsGroup;
import org.ronchi.io.usid.UsidException;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Datatype;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.hdf5.writer.WNode;

/**
 * Writes one Main dataset and its ancillaries into a group, as pyUSID's {@code write_main_dataset}:
 * indices uint32, values float32, {@code labels}/{@code units} as arrays of fixed-length byte strings
 * (what h5py writes for {@code np.array([...], dtype='S')}), {@code quantity}/{@code units} and the
 * four object references on the Main dataset, book-keeping attributes on everything.
 */
public final class MainWriter {
	static final String NAME = "Raw_Data";
	/** Chunks of whole positions up to this size (pyUSID DM-15: 100 kB to 1 MB). */
	static final long CHUNK_BYTES = 1 << 20;

	private MainWriter() {
	}

	/** The two sides of a Main dataset: index and value rows, labels, units (file order). */
	record Side(long[][] indices, double[][] values, List<String> labels, List<String> units) {
	}

	public static <T extends WNode> T bookKeeping(T node, LocalDateTime when) {
		for (Map.Entry<String, Object> e : ResultsGroup.bookKeeping(when).entrySet()) {
			node.attribute(e.getKey(), e.getValue());
		}
		return node;
	}

	/** Writes the signal as a Main dataset named {@value #NAME} (or its own name if it is one) in the group. */
	public static WDataset write(WGroup group, ArrayNode signal, LocalDateTime when) {
		return write(group, signal, null, "", when);
	}

	/**
	 * Writes the signal as a Main dataset named datasetName (null: as {@link #write(WGroup, ArrayNode, LocalDateTime)}
	 * names it), its ancillaries named with the prefix (pyUSID's {@code aux_pos_prefix} style, so that two
	 * Main datasets can share a group).
	 */
	public static WDataset write(WGroup group, ArrayNode signal, String datasetName, String ancillaryPrefix, LocalDateTime when) {
		DType t = signal.dtype();
		if (!t.isNumeric() || t.isRgb()) {
			throw new UsidException(null, signal.path(), "a " + t.numpyName() + " array cannot be written as a USID Main dataset");
		}
		Side pos;
		Side spec;
		ArraySource data;
		String name = NAME;
		String quantity = signal.quantity().isEmpty() ? signal.title() : signal.quantity();
		String units = signal.units();
		if (MainDataset.KIND.equals(signal.kind())) {
			MainDataset m = MainDataset.of(null, signal);
			pos = side(m.position());
			spec = side(m.spectroscopic());
			data = signal.source();
			name = ResultsGroup.cleanName(signal.name());
			quantity = m.quantity();
		} else {
			int nav = 0;
			while (nav < signal.rank() && signal.axes().get(nav).navigate()) {
				nav++;
			}
			pos = side(dimensions(signal.axes().subList(0, nav), "Pos_Dim_"));
			spec = side(dimensions(signal.axes().subList(nav, signal.rank()), "Spec_Dim_"));
			// position axes into rows, spectroscopic axes into columns, C order
			data = Views.flatten(Views.flatten(signal.source(), nav, signal.rank()), 0, nav);
		}
		if (datasetName != null) {
			name = ResultsGroup.cleanName(datasetName);
		}
		long[] shape = data.shape();
		if (shape[0] * shape[1] == 0) {
			throw new UsidException(null, signal.path(), "an empty array cannot be a USID Main dataset");
		}
		int[] chunk = ChunkSize.calc(shape, t.itemSize(), new int[] { 1, (int) shape[1] }, CHUNK_BYTES);
		WDataset main = group.dataset(name, t, shape, DatasetOptions.chunked(chunk).shuffle().deflate(4));
		main.writeFrom(data, null);
		WDataset pi = ancillary(group, ancillaryPrefix + "Position_Indices", indices(pos, false), pos);
		WDataset pv = ancillary(group, ancillaryPrefix + "Position_Values", values(pos, false), pos);
		WDataset si = ancillary(group, ancillaryPrefix + "Spectroscopic_Indices", indices(spec, true), spec);
		WDataset sv = ancillary(group, ancillaryPrefix + "Spectroscopic_Values", values(spec, true), spec);
		main.attribute("quantity", quantity).attribute("units", units);
		main.attribute("Position_Indices", pi).attribute("Position_Values", pv);
		main.attribute("Spectroscopic_Indices", si).attribute("Spectroscopic_Values", sv);
		return bookKeeping(main, when);
	}

	private static Side side(Ancillaries a) {
		return new Side(a.indices(), a.values(), a.labels(), a.units());
	}

	/** Axes in array order (slowest first) to USID dimensions (fastest first); none gives pyUSID's 'Arb'. */
	static List<Dimension> dimensions(List<Axis> axes, String fallback) {
		List<Dimension> dims = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (int i = axes.size() - 1; i >= 0; i--) {
			Axis a = axes.get(i);
			String label = a.name().isBlank() ? fallback + i : a.name().strip();
			while (!used.add(label)) {
				label = label + "_" + i;
			}
			double[] v = new double[(int) a.size()];
			for (int k = 0; k < v.length; k++) {
				v[k] = a.coordinate(k);
			}
			dims.add(new Dimension(label, a.units(), v));
		}
		return dims.isEmpty() ? List.of(Dimension.of("Arb", "a. u.", 1)) : dims;
	}

	private static Side side(List<Dimension> dims) {
		int[] sizes = dims.stream().mapToInt(Dimension::size).toArray();
		return new Side(IndexMatrix.indices(sizes), IndexMatrix.values(dims), dims.stream().map(Dimension::name).toList(),
				dims.stream().map(Dimension::units).toList());
	}

	private static Dataset indices(Side s, boolean spectroscopic) {
		long[][] r = s.indices();
		LongDataset d = DatasetFactory.zeros(LongDataset.class, shape(r.length, r[0].length, spectroscopic));
		for (int k = 0; k < r.length; k++) {
			for (int i = 0; i < r[k].length; i++) {
				d.setAbs(spectroscopic ? k * r[k].length + i : i * r.length + k, r[k][i]);
			}
		}
		return d;
	}

	private static Dataset values(Side s, boolean spectroscopic) {
		double[][] r = s.values();
		DoubleDataset d = DatasetFactory.zeros(DoubleDataset.class, shape(r.length, r[0].length, spectroscopic));
		for (int k = 0; k < r.length; k++) {
			for (int i = 0; i < r[k].length; i++) {
				d.setAbs(spectroscopic ? k * r[k].length + i : i * r.length + k, r[k][i]);
			}
		}
		return d;
	}

	private static int[] shape(int dims, int len, boolean spectroscopic) {
		return spectroscopic ? new int[] { dims, len } : new int[] { len, dims };
	}

	private static WDataset ancillary(WGroup g, String name, Dataset d, Side s) {
		DType t = d instanceof LongDataset ? DType.UINT32 : DType.FLOAT32;
		WDataset a = g.dataset(name, Value.of(d, t));
		a.attribute("labels", byteStrings(s.labels()));
		a.attribute("units", byteStrings(s.units()));
		return a;
	}

	/** A 1-D array of NUL-padded byte strings (also for one element, which pyUSID decodes as a list). */
	static Value byteStrings(List<String> s) {
		byte[][] enc = s.stream().map(x -> x.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
		int size = 1;
		boolean utf8 = false;
		for (int i = 0; i < enc.length; i++) {
			size = Math.max(size, enc[i].length);
			utf8 |= enc[i].length != s.get(i).length();
		}
		ByteBuffer b = ByteBuffer.allocate(size * enc.length);
		for (int i = 0; i < enc.length; i++) {
			b.put(i * size, enc[i]);
		}
		return Value.raw(new Datatype.FixedString(size, utf8), new long[] { enc.length }, b);
	}
}
