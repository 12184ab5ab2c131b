package org.ronchi.io.nexus.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.nexus.NexusException;
import org.ronchi.processing.results.Provenance;
import org.ronchi.processing.results.ProvenanceAttributes;
import org.ronchi.processing.results.RunRecord;

/**
 * One run of a NeXus results file (docs/processing.md, "The NeXus store"): an NXentry named
 * {@code Source-Tool_NNN} holding one NXdata per output ({@link NexusLayout}; point-list outputs with
 * their records, {@link NexusPointLists}), an NXprocess {@code process} with Ronchi's program, version
 * and date as NeXus fields and the whole provenance as its attributes ({@link ProvenanceAttributes}),
 * array parameters in its NXcollection {@code parameters}, and an external link {@code source} to the
 * input dataset when that is HDF5. Writes a run, and reads its provenance and outputs back.
 */
final class NexusRuns {
	static final String PROCESS = "process";
	static final String SOURCE_LINK = "source";
	private static final String PARAMETERS = "parameters";
	/** How many leading axes of an output navigate: kept exactly, whatever a NeXus reader infers. */
	private static final String NAVIGATION_RANK = "ronchi_navigation_rank";
	private static final String KIND = "ronchi_kind";

	private NexusRuns() {
	}

	// -- writing

	static void write(WGroup root, String name, RunRecord record, Executor executor) {
		Provenance p = record.provenance();
		WGroup entry = NexusLayout.group(root, name, Nx.ENTRY);
		entry.dataset("title", Value.string(p.operationName() + " of " + record.sourceName()));
		entry.dataset("end_time", Value.string(p.time()));
		Set<String> used = new HashSet<>(List.of("title", "end_time", PROCESS, SOURCE_LINK));
		String first = null;
		for (ArrayNode o : record.outputs()) {
			String n = NexusLayout.name(o.name(), "output", used);
			first = first == null ? n : first;
			WGroup g = NexusLayout.nxdata(entry, n, o, executor);
			long nav = o.axes().stream().filter(Axis::navigate).count();
			g.attribute("title", o.title()).attribute(KIND, o.kind()).attribute(NAVIGATION_RANK, nav);
			if (o.pointLists() != null) {
				NexusPointLists.write(g, o.pointLists());
			}
		}
		if (first != null) {
			entry.attribute("default", first);
		}
		WGroup process = NexusLayout.process(entry, p.ronchiVersion());
		process.dataset("sequence_index", 1);
		process.dataset("description", Value.string(p.operationName() + " " + p.operationVersion() + " (" + p.operation() + ")"));
		ProvenanceAttributes.of(p).forEach(process::attribute);
		if (!p.arrayParameters().isEmpty()) {
			WGroup g = NexusLayout.group(process, PARAMETERS, "NXcollection");
			for (Map.Entry<String, Dataset> e : p.arrayParameters().entrySet()) {
				g.dataset(e.getKey(), e.getValue());
			}
		}
		if (isHdf5Dataset(Path.of(p.sourceFile()), p.sourceDataset())) {
			entry.externalLink(SOURCE_LINK, p.sourceFile(), p.sourceDataset());
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

	// -- reading

	/** @return whether a root group of a results file is a run: an NXentry whose process carries the provenance */
	static boolean isRun(Node n) {
		return Nx.is(n, Nx.ENTRY) && ((Group) n).child(PROCESS) instanceof Group p && p.attribute(ProvenanceAttributes.OPERATION) != null;
	}

	static Provenance provenance(Group run) {
		Group process = (Group) run.child(PROCESS);
		Map<String, Dataset> arrays = new LinkedHashMap<>();
		if (process.child(PARAMETERS) instanceof Group g) {
			for (Node n : g.children()) {
				if (n instanceof ArrayNode a) {
					arrays.put(a.name(), a.source().read(new long[a.rank()], Shapes.toInt(a.shape())));
				}
			}
		}
		return ProvenanceAttributes.read(process.attributes(), arrays);
	}

	/**
	 * @param paths filled with each output's data path in the file
	 * @return the outputs of a run, by name: lazy arrays with their axes, point-list
	 *         outputs as their counts carrying the lists
	 */
	static List<ArrayNode> outputs(Path file, Group run, Map<String, String> paths) {
		List<ArrayNode> out = new ArrayList<>();
		for (Node n : run.children()) {
			NxData d = Nx.is(n, Nx.DATA) ? NxData.of((Group) n) : null;
			if (d == null) {
				continue;
			}
			Group g = d.group();
			ArrayNode signal = d.signal();
			List<Axis> axes = d.axes(signal.shape(), new ArrayList<>());
			Double nav = Attributes.asDouble(g.attribute(NAVIGATION_RANK));
			if (nav != null) {
				List<Axis> flagged = new ArrayList<>();
				for (int i = 0; i < axes.size(); i++) {
					flagged.add(axes.get(i).withNavigate(i < nav));
				}
				axes = flagged;
			}
			ArrayNode a = new ArrayNode(g.name(), signal.source()).axes(axes);
			if (NexusPointLists.holds(g)) {
				a.pointLists(NexusPointLists.read(file, g, signal.shape()));
			}
			String kind = Nx.text(g, KIND);
			a.title(Nx.text(g, "title")).kind(kind == null ? ArrayNode.KIND_ARRAY : kind).quantity(Nx.text(signal, "long_name"), Nx.text(signal, "units"));
			paths.put(g.name(), signal.path());
			out.add(a);
		}
		return out;
	}

	/** @return the run group of a results file, or an error naming the runs there are */
	static Group run(Path file, Group root, String name) {
		if (root.child(name) instanceof Group g && isRun(g)) {
			return g;
		}
		List<String> runs = root.children().stream().filter(NexusRuns::isRun).map(Node::name).toList();
		throw new NexusException(file, "/" + name, "no such run in the results file; its runs: " + (runs.isEmpty() ? "none" : String.join(", ", runs)));
	}
}
