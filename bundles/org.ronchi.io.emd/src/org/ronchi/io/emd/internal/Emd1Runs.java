package org.ronchi.io.emd.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.emd.EmdArray;
import org.ronchi.io.emd.EmdDim;
import org.ronchi.io.emd.EmdException;
import org.ronchi.io.emd.EmdFiles;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointListArray;
import org.ronchi.processing.results.Provenance;
import org.ronchi.processing.results.ProvenanceAttributes;
import org.ronchi.processing.results.RunRecord;

/**
 * One run of a results file, as docs/processing.md "The results file" describes it: a root group
 * carrying the provenance attributes (Ronchi's names, then pyUSID's book-keeping), an external link
 * {@value #SOURCE_LINK} to an HDF5 input dataset, one EMD array node per output ({@code data} +
 * {@code dim0..dimN}, linear axes as two coordinates, units verbatim), a PointListArray per point-list
 * output, and array parameters under {@code parameters/}. Writes a run, and reads its provenance and
 * outputs back.
 */
final class Emd1Runs {
	/** The external link in each run group to the input dataset. */
	static final String SOURCE_LINK = "source";
	private static final String PARAMETERS = ProvenanceAttributes.PARAMETERS;
	private static final long CONTIGUOUS_MAX = 64L << 20;
	private static final DateTimeFormatter USID_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss");

	private Emd1Runs() {
	}

	// -- writing

	static void write(WGroup root, String name, RunRecord record, Executor executor) {
		WGroup run = root.group(name);
		run.attribute(EmdNode.TYPE, "root").attribute(EmdNode.PYTHON_CLASS, "Root");
		provenance(run, record.provenance());
		Provenance p = record.provenance();
		if (isHdf5Dataset(Path.of(p.sourceFile()), p.sourceDataset())) {
			run.externalLink(SOURCE_LINK, p.sourceFile(), p.sourceDataset());
		}
		for (ArrayNode o : record.outputs()) {
			if (o.pointLists() != null) {
				pointLists(run, o);
			} else {
				array(run, o, executor);
			}
		}
		if (!p.arrayParameters().isEmpty()) {
			WGroup g = run.group(PARAMETERS);
			for (Map.Entry<String, Dataset> e : p.arrayParameters().entrySet()) {
				g.dataset(e.getKey(), e.getValue());
			}
		}
	}

	private static void provenance(WGroup run, Provenance p) {
		ProvenanceAttributes.of(p).forEach(run::attribute);
		// pyUSID's book-keeping of a results group
		run.attribute("tool", p.operation()).attribute("num_source_dsets", 1L).attribute("timestamp", usidTimestamp(p.time()))
				.attribute("machine_id", p.machine());
	}

	private static String usidTimestamp(String iso) {
		try {
			return OffsetDateTime.parse(iso).toLocalDateTime().format(USID_TIMESTAMP);
		} catch (DateTimeParseException e) {
			return iso;
		}
	}

	/** Only when the source is an HDF5 file holding a dataset at that path (a DM or MRC input has none to link to). */
	private static boolean isHdf5Dataset(Path file, String dataset) {
		if (file.toString().isEmpty() || dataset == null || !dataset.startsWith("/") || !Files.isRegularFile(file)) {
			return false;
		}
		try (Hdf5File h = Hdf5File.open(file)) {
			return h.tree().resolve(dataset) instanceof ArrayNode;
		} catch (RuntimeException e) {
			return false; // not HDF5, or no such dataset
		}
	}

	/** The attributes every output node has: what it is, for Ronchi; emdfile ignores them. */
	private static WGroup node(WGroup run, ArrayNode o, String type, String pythonClass) {
		long navRank = o.axes().stream().filter(Axis::navigate).count();
		return run.group(o.name()).attribute(EmdNode.TYPE, type).attribute(EmdNode.PYTHON_CLASS, pythonClass).attribute("title", o.title())
				.attribute("ronchi_kind", o.kind()).attribute("quantity", o.quantity()).attribute(EmdArray.NAVIGATION_RANK, navRank);
	}

	private static void array(WGroup run, ArrayNode o, Executor executor) {
		WGroup node = node(run, o, "array", "Array");
		WDataset d = node.dataset("data", o.dtype(), o.shape(), options(o.dtype(), o.shape()));
		d.attribute("units", o.units());
		d.writeFrom(o.source(), o.size() * o.dtype().itemSize() > CONTIGUOUS_MAX ? executor : null);
		dims(node, o.axes());
	}

	private static void pointLists(WGroup run, ArrayNode o) {
		WGroup node = node(run, o, "pointlistarray", "PointListArray");
		PointListArrays.data(node, o.pointLists());
		dims(node, o.axes());
	}

	/** dim0..dimN: linear axes as their first two coordinates (whatever their length), others in full; units as they are. */
	private static void dims(WGroup node, List<Axis> axes) {
		for (int i = 0; i < axes.size(); i++) {
			Axis a = axes.get(i);
			EmdDim dim = a.isLinear() ? EmdDim.linear(a.name(), a.units(), a.offset(), a.scale()) : new EmdDim(a.name(), a.units(), a.values(), null);
			Emd1Nodes.dim(node, "dim" + i, dim);
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

	// -- reading

	/** @return whether a root group of a results file is a run (carries the provenance) */
	static boolean isRun(Node n) {
		return n instanceof Group g && g.attribute(ProvenanceAttributes.OPERATION) != null;
	}

	static Provenance provenance(Group run) {
		Map<String, Dataset> arrays = new LinkedHashMap<>();
		if (run.child(PARAMETERS) instanceof Group g) {
			for (Node n : g.children()) {
				if (n instanceof ArrayNode a) {
					arrays.put(a.name(), a.source().read(new long[a.rank()], Shapes.toInt(a.shape())));
				}
			}
		}
		return ProvenanceAttributes.read(run.attributes(), arrays);
	}

	/**
	 * @param paths filled with each output's data path in the file
	 * @return the outputs of a run: arrays with the axes their dims give, point-list outputs as their counts
	 *         carrying the lists
	 */
	static List<ArrayNode> outputs(Path file, Hdf5File h, Group run, Map<String, String> paths) {
		EmdNode tree = EmdNode.read(file, run);
		List<ArrayNode> out = new ArrayList<>();
		for (EmdNode n : tree.children()) {
			ArrayNode a;
			String units;
			if (n instanceof EmdArray e) {
				a = new ArrayNode(n.name(), e.data().source()).axes(e.axes());
				units = e.units();
				paths.put(n.name(), e.data().path());
			} else if (n instanceof EmdPointListArray pla) {
				pla.cells(EmdFiles.cells(file, h, pla));
				PointListSource lists = pla.records();
				a = new ArrayNode(n.name(), lists.counts()).pointLists(lists).axes(gridAxes(file, pla.group(), lists.shape()));
				units = "";
				paths.put(n.name(), pla.data().path());
			} else {
				continue;
			}
			Group g = n.group();
			a.title(g.stringAttribute("title")).kind(String.valueOf(g.stringAttribute("ronchi_kind"))).quantity(g.stringAttribute("quantity"), units);
			out.add(a);
		}
		return out;
	}

	/** The dims of a PointListArray's grid (Ronchi writes them; emdfile has none): navigation axes. */
	private static List<Axis> gridAxes(Path file, Group node, long[] grid) {
		List<Axis> axes = new ArrayList<>();
		for (int i = 0; i < grid.length; i++) {
			Axis a = node.child("dim" + i) instanceof ArrayNode dim ? EmdDim.read(file, dim, org.ronchi.io.emd.EmdUnits::emd1).axis(grid[i])
					: Axis.index("dim" + i, grid[i]);
			axes.add(a.withNavigate(true));
		}
		return axes;
	}

	/** @return the run group of a results file, or an error naming the runs there are */
	static Group run(Path file, Group root, String name) {
		if (root.child(name) instanceof Group g && isRun(g)) {
			return g;
		}
		List<String> runs = root.children().stream().filter(Emd1Runs::isRun).map(Node::name).toList();
		throw new EmdException(file, "/" + name, "no such run in the results file; its runs: " + (runs.isEmpty() ? "none" : String.join(", ", runs)));
	}
}
