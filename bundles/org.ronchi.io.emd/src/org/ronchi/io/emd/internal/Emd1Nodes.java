package org.ronchi.io.emd.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.io.emd.EmdArray;
import org.ronchi.io.emd.EmdDim;
import org.ronchi.io.emd.EmdMetadata;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointList;
import org.ronchi.io.emd.EmdPointListArray;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;

/**
 * Writes an EMD 1.0 tree read from a file back as it was: every node with its tags and metadata
 * bundle, arrays with their data (streamed), units, dims as stored and slice labels, point lists field
 * by field, point list arrays as variable-length records ({@link Emd1PointListArrays}).
 */
public final class Emd1Nodes {
	private Emd1Nodes() {
	}

	/** Writes node and its subtree; PointListArrays are skipped (added to skipped): no cells to read. */
	public static void write(WGroup parent, EmdNode node, List<String> skipped) {
		write(parent, node, skipped, null);
	}

	/**
	 * Writes node and its subtree; PointListArrays are read through their cell readers, with the record
	 * type from source (the file the tree was read from). What cannot be written is added to skipped.
	 */
	public static void write(WGroup parent, EmdNode node, List<String> skipped, Hdf5File source) {
		write(parent, node, skipped, source, new HashMap<>());
	}

	/**
	 * As {@link #write(WGroup, EmdNode, List, Hdf5File)}, for several trees of one file: a Metadata group
	 * the source holds under several nodes (a hard link, as py4DSTEM objects sharing one Metadata are
	 * saved) is written once and hard-linked again. written maps source object addresses to the groups
	 * written for them; pass the same map for every tree of the file.
	 */
	public static void write(WGroup parent, EmdNode node, List<String> skipped, Hdf5File source, Map<Long, WGroup> written) {
		if (node instanceof EmdPointListArray pla && source == null) {
			skipped.add(pla.group().path() + ": PointListArray not written (no reader for its variable-length cells)");
			return;
		}
		WGroup g = parent.group(node.name()).attribute(EmdNode.TYPE, node.type());
		if (node.pythonClass() != null) {
			g.attribute(EmdNode.PYTHON_CLASS, node.pythonClass());
		}
		switch (node) {
		case EmdArray a -> array(g, a);
		case EmdPointList p -> pointList(g, p);
		case EmdPointListArray pla -> {
			String why = Emd1PointListArrays.write(g, pla, source);
			if (why != null) {
				skipped.add(why);
			}
		}
		default -> {
			// roots and plain nodes: metadata and children only
		}
		}
		metadata(g, node, source, written);
		for (EmdNode c : node.children()) {
			write(g, c, skipped, source, written);
		}
	}

	private static void metadata(WGroup g, EmdNode node, Hdf5File source, Map<Long, WGroup> written) {
		String bundle = node.group().path() + "/" + EmdNode.BUNDLE + "/";
		for (EmdMetadata m : node.metadata()) {
			Long address = null;
			try {
				address = source == null ? null : source.address(bundle + m.name());
			} catch (RuntimeException e) {
				// the tree read this group already; if it cannot be found now, write a copy
			}
			WGroup same = address == null ? null : written.get(address);
			if (same != null) {
				MetadataWriter.linked(g, m.name(), same);
			} else {
				WGroup w = MetadataWriter.one(g, m);
				if (address != null) {
					written.put(address, w);
				}
			}
		}
	}

	private static void array(WGroup g, EmdArray a) {
		ArrayNode data = a.data();
		WDataset d = g.dataset("data", data.dtype(), data.shape(), DatasetOptions.contiguous());
		d.writeFrom(data.source(), null);
		d.attribute("units", a.units());
		for (int i = 0; i < a.dims().size(); i++) {
			dim(g, "dim" + i, a.dims().get(i));
		}
	}

	static void dim(WGroup g, String name, EmdDim dim) {
		WDataset d = dim.isText() ? g.dataset(name, byteStrings(dim.labels())) : g.dataset(name, dim.values());
		d.attribute("name", dim.name());
		if (!dim.isText()) {
			d.attribute("units", dim.rawUnits());
		}
	}

	/** A 1-D array of NUL-padded UTF-8 byte strings, as emdfile writes slice labels (even just one). */
	static Value byteStrings(String... s) {
		byte[][] enc = java.util.Arrays.stream(s).map(x -> x.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toArray(byte[][]::new);
		int size = 1;
		for (byte[] e : enc) {
			size = Math.max(size, e.length);
		}
		java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(size * enc.length);
		for (int i = 0; i < enc.length; i++) {
			b.put(i * size, enc[i]);
		}
		return Value.raw(new org.ronchi.hdf5.writer.Datatype.FixedString(size, true), new long[] { enc.length }, b);
	}

	private static void pointList(WGroup g, EmdPointList p) {
		for (ArrayNode f : p.fields()) {
			WDataset d = g.dataset(f.name(), f.dtype(), f.shape(), DatasetOptions.contiguous());
			d.writeFrom(f.source(), null);
			d.attribute("dtype", Value.fixedStrings(EmdPointList.fieldType(f)));
		}
	}
}
