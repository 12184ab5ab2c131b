package org.ronchi.processing.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.processing.ProcessingException;

/**
 * The results file: an EMD 1.0 file (emdfile/py4DSTEM layout: root attributes
 * {@code emd_group_type="file"}, {@code version_major=1}, {@code version_minor=0}) in which each run is
 * a root group named as an h5USID results group, {@code <Source>-<Tool>_NNN}, carrying the provenance
 * attributes and, for an HDF5 input, an external link {@code source} to the input dataset; each output
 * is an EMD array node ({@code data} plus {@code dim0..dimN} with {@code name} and {@code units};
 * linear axes as two values, as emdfile writes them).
 * <p>
 * The HDF5 writer creates files, it does not edit them, so adding a run rewrites the file: the
 * existing groups are streamed into a new file beside it (external links re-created from how
 * {@link Hdf5File} lists them, never followed, so the input data is not copied), then the new run,
 * then the new file replaces the old one atomically. Only files Ronchi wrote are rewritten.
 */
final class ResultsFile {
	static final String AUTHOR = "ronchi";
	static final String KEY = "ronchi_key";
	/** Root attribute that marks a results file: only such files are ever rewritten. */
	static final String MARKER = "ronchi_results_file";
	private static final long CONTIGUOUS_MAX = 64L << 20;
	/** The external link in each run group to the input dataset. */
	static final String SOURCE_LINK = "source";
	/** How {@link Hdf5File} lists an external link it does not follow: a group attribute, "file:path". */
	private static final String EXTERNAL_LINK = "external link ";

	private ResultsFile() {
	}

	/** One output to write. */
	record Output(String name, DType dtype, long[] shape, List<Axis> axes, String units, String quantity, String title, String kind,
			ArraySource data) {
	}

	/** @return the name of a group in the file whose key attribute equals key, or null */
	static String find(Path file, String key) {
		if (key == null || !Files.isRegularFile(file)) {
			return null;
		}
		try (Hdf5File h = Hdf5File.open(file)) {
			for (Node n : h.tree().children()) {
				if (n instanceof Group g && key.equals(g.stringAttribute(KEY))) {
					return g.name();
				}
			}
		} catch (RuntimeException e) {
			return null; // unreadable: not reusable
		}
		return null;
	}

	/**
	 * Adds a run group and returns its name.
	 *
	 * @param attrs provenance attributes of the run group
	 * @param arrays parameter arrays stored as datasets under {@code parameters/}
	 */
	static String append(Path file, String source, String tool, Map<String, Object> attrs, List<Output> outputs, Map<String, Dataset> arrays,
			Executor executor) {
		List<String> existing = new ArrayList<>();
		Hdf5File old = null;
		try {
			if (Files.exists(file)) {
				old = Hdf5File.open(file);
				Group root = old.tree();
				if (root.attribute(MARKER) == null) {
					throw new ProcessingException(file, null, "exists and is not a Ronchi results file; choose another results file");
				}
				for (Node n : root.children()) {
					existing.add(n.name());
				}
			}
			String name = GroupNames.next(source, tool, existing);
			Hdf5File from = old;
			Hdf5Writer w = Hdf5Writer.createOrReplace(file);
			try {
				WGroup root = w.root();
				root.attribute("emd_group_type", "file").attribute("version_major", 1L).attribute("version_minor", 0L)
						.attribute("authoring_program", AUTHOR).attribute("authoring_version", Provenance.VERSION).attribute(MARKER, 1L);
				if (from != null) {
					for (Node n : from.tree().children()) {
						copy(n, root, executor);
					}
				}
				WGroup run = root.group(name);
				run.attribute("emd_group_type", "root").attribute("python_class", "Root");
				for (Map.Entry<String, Object> a : attrs.entrySet()) {
					run.attribute(a.getKey(), a.getValue());
				}
				linkSource(run, attrs);
				for (Output o : outputs) {
					writeArray(run, o, executor);
				}
				if (!arrays.isEmpty()) {
					WGroup p = run.group("parameters");
					for (Map.Entry<String, Dataset> e : arrays.entrySet()) {
						p.dataset(e.getKey(), e.getValue());
					}
				}
			} catch (RuntimeException | Error e) {
				w.abort();
				throw e;
			}
			w.close();
			return name;
		} finally {
			if (old != null) {
				old.close();
			}
		}
	}

	/**
	 * Adds the external link {@value #SOURCE_LINK} to the input dataset beside the path attributes, so
	 * that h5py's {@code f[group + '/source']} opens it; only when the source is an HDF5 file holding a
	 * dataset at that path (a DM or MRC input has no HDF5 path to link to).
	 */
	private static void linkSource(WGroup run, Map<String, Object> attrs) {
		if (attrs.get("source_file") instanceof String file && attrs.get("source_dataset") instanceof String dataset
				&& isHdf5Dataset(Path.of(file), dataset)) {
			run.externalLink(SOURCE_LINK, file, dataset);
		}
	}

	private static boolean isHdf5Dataset(Path file, String dataset) {
		if (file.toString().isEmpty() || !dataset.startsWith("/") || !Files.isRegularFile(file)) {
			return false;
		}
		try (Hdf5File h = Hdf5File.open(file)) {
			return h.dataset(dataset) != null; // throws when there is no dataset at that path
		} catch (RuntimeException e) {
			return false; // not HDF5, or no such dataset
		}
	}

	private static void writeArray(WGroup run, Output o, Executor executor) {
		WGroup node = run.group(o.name());
		node.attribute("emd_group_type", "array").attribute("python_class", "Array").attribute("title", o.title())
				.attribute("ronchi_kind", o.kind()).attribute("quantity", o.quantity());
		long navRank = o.axes().stream().filter(Axis::navigate).count();
		node.attribute("navigation_rank", navRank);
		WDataset d = node.dataset("data", o.dtype(), o.shape(), options(o.dtype(), o.shape()));
		d.attribute("units", o.units());
		d.writeFrom(o.data(), Shapes.size(o.shape()) * o.dtype().itemSize() > CONTIGUOUS_MAX ? executor : null);
		for (int i = 0; i < o.axes().size(); i++) {
			Axis a = o.axes().get(i);
			double[] v = a.isLinear() ? new double[] { a.offset(), a.offset() + a.scale() } : a.values();
			node.dataset("dim" + i, v).attribute("name", a.name()).attribute("units", a.units());
		}
	}

	/** Contiguous up to 64 MiB; beyond, chunks of whole trailing dimensions of about 1 MiB. */
	static DatasetOptions options(DType t, long[] shape) {
		if (shape.length == 0 || Shapes.size(shape) * t.itemSize() <= CONTIGUOUS_MAX) {
			return DatasetOptions.contiguous();
		}
		int[] chunk = new int[shape.length];
		long acc = t.itemSize();
		for (int d = shape.length - 1; d >= 0; d--) {
			long fit = Math.max(1, (1L << 20) / acc);
			chunk[d] = (int) Math.min(shape[d], fit);
			acc *= chunk[d];
		}
		return DatasetOptions.chunked(chunk);
	}

	/** Copies a group or dataset of an earlier version of the file. */
	private static void copy(Node n, WGroup into, Executor executor) {
		if (n instanceof Group g) {
			WGroup c = into.group(g.name());
			attributes(g, c);
			for (Map.Entry<String, Object> e : g.attributes().entrySet()) {
				String target = e.getKey().startsWith(EXTERNAL_LINK) && e.getValue() instanceof String s ? s : null;
				int split = target == null ? -1 : target.lastIndexOf(":/");
				if (split > 0) {
					c.externalLink(e.getKey().substring(EXTERNAL_LINK.length()), target.substring(0, split), target.substring(split + 1));
				}
			}
			for (Node child : g.children()) {
				copy(child, c, executor);
			}
		} else if (n instanceof ArrayNode a) {
			WDataset d;
			if (a.dtype().isNumeric() && a.dtype() != DType.STRING) {
				d = into.dataset(a.name(), a.dtype(), a.shape(), options(a.dtype(), a.shape()));
				d.writeFrom(a.source(), a.size() * a.dtype().itemSize() > CONTIGUOUS_MAX ? executor : null);
			} else {
				d = into.dataset(a.name(), a.source().read(new long[a.rank()], Shapes.toInt(a.shape())));
			}
			attributes(a, d);
		}
	}

	private static void attributes(Node from, org.ronchi.hdf5.writer.WNode to) {
		for (Map.Entry<String, Object> e : from.attributes().entrySet()) {
			Object v = e.getValue();
			if (v == null || v instanceof org.ronchi.core.model.Reference || v instanceof org.ronchi.core.model.Reference[]
					|| e.getKey().startsWith(EXTERNAL_LINK)) {
				continue;
			}
			to.attribute(e.getKey(), v);
		}
	}

	/** Opens the outputs of a run group: the array nodes with their calibrated axes. */
	static List<ArrayNode> outputs(Hdf5File h, String group) {
		Node n = h.tree().child(group);
		if (!(n instanceof Group g)) {
			throw new ProcessingException(h.path(), group, "no such results group");
		}
		List<ArrayNode> out = new ArrayList<>();
		for (Node c : g.children()) {
			if (c instanceof Group node && "array".equals(node.stringAttribute("emd_group_type")) && node.child("data") instanceof ArrayNode data) {
				out.add(arrayNode(node, data));
			}
		}
		return out;
	}

	private static ArrayNode arrayNode(Group node, ArrayNode data) {
		ArrayNode out = new ArrayNode(node.name(), data.source());
		out.axes(EmdNodes.axes(node, data.shape(), EmdNodes.navigationRank(node))).title(node.stringAttribute("title"))
				.kind(String.valueOf(node.stringAttribute("ronchi_kind"))).quantity(node.stringAttribute("quantity"), data.stringAttribute("units"));
		return out;
	}

	/** @return whether the file is a Ronchi results file (carries the marker attribute) */
	static boolean isResultsFile(Path file) {
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try (Hdf5File h = Hdf5File.open(file)) {
			return h.tree().attribute(MARKER) != null;
		} catch (RuntimeException e) {
			return false;
		}
	}

	/** @return whether two paths name the same file (the input must never become the results file) */
	static boolean sameFile(Path a, Path b) {
		try {
			if (Files.exists(a) && Files.exists(b)) {
				return Files.isSameFile(a, b);
			}
		} catch (IOException e) {
			// fall through to the path comparison
		}
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}
}
