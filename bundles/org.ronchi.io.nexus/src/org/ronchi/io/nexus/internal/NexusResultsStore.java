package org.ronchi.io.nexus.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.nexus.NexusException;
import org.ronchi.processing.results.OpenedRun;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.RunNames;
import org.ronchi.processing.results.RunRecord;
import org.ronchi.processing.results.StoredRun;

/**
 * The NeXus results store ({@code "store": "nexus"}): a NeXus file whose root carries {@value #MARKER},
 * each run an NXentry ({@link NexusRuns} has the layout) that DAWN and HyperSpy's NeXus reader show as
 * signals; the root's {@code default} names the latest run. Adding a run rewrites the file: the existing
 * runs are streamed into a new file beside it ({@link NexusCopy}), then the new run, then the new file
 * replaces the old one atomically. Only files carrying the marker are ever rewritten.
 */
@Component(service = ResultsStore.class)
public class NexusResultsStore implements ResultsStore {
	/**
	 * Root attribute that marks a NeXus results file (not the EMD 1.0 store's {@code ronchi_results_file},
	 * so neither store takes the other's files for its own).
	 */
	static final String MARKER = "ronchi_nexus_results_file";

	public NexusResultsStore() {
		// DS instantiates the store; it holds no state
	}

	@Override
	public String id() {
		return "nexus";
	}

	@Override
	public String name() {
		return "NeXus (NXentry/NXdata)";
	}

	@Override
	public boolean owns(Path file) {
		if (!Files.isRegularFile(file)) {
			return false;
		}
		try (Hdf5File h = Hdf5File.open(file)) {
			return h.tree().attribute(MARKER) != null;
		} catch (RuntimeException e) {
			return false;
		}
	}

	@Override
	public List<StoredRun> runs(Path file) {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try (Hdf5File h = Hdf5File.open(file)) {
			List<StoredRun> out = new ArrayList<>();
			for (Node n : h.tree().children()) {
				if (NexusRuns.isRun(n)) {
					out.add(new StoredRun(n.name(), NexusRuns.provenance((Group) n)));
				}
			}
			return out;
		}
	}

	@Override
	public OpenedRun open(Path file, String run) {
		Hdf5File h = Hdf5File.open(file);
		try {
			Group g = NexusRuns.run(file, h.tree(), run);
			Map<String, String> paths = new LinkedHashMap<>();
			List<ArrayNode> outputs = NexusRuns.outputs(file, g, paths);
			return new OpenedRun(run, NexusRuns.provenance(g), outputs, paths, h);
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}

	@Override
	public String append(Path file, RunRecord record, Executor executor) {
		Hdf5File old = null;
		try {
			List<String> existing = new ArrayList<>();
			if (Files.exists(file)) {
				old = Hdf5File.open(file);
				if (old.tree().attribute(MARKER) == null) {
					throw new NexusException(file, "/", "exists and is not a Ronchi NeXus results file (no " + MARKER + " attribute); it is never rewritten");
				}
				for (Node n : old.tree().children()) {
					existing.add(n.name());
				}
			}
			String name = RunNames.next(record.sourceName(), record.tool(), existing);
			Hdf5File from = old;
			Hdf5Writer w = Hdf5Writer.createOrReplace(file);
			try {
				WGroup root = w.root();
				root.attribute(Nx.CLASS, Value.fixedStrings("NXroot")).attribute("creator", "Ronchi " + record.provenance().ronchiVersion())
						.attribute("file_name", file.getFileName().toString()).attribute("file_time", record.provenance().time())
						.attribute("default", name).attribute(MARKER, 1L);
				if (from != null) {
					for (Node n : from.tree().children()) {
						NexusCopy.copy(n, root, executor);
					}
				}
				NexusRuns.write(root, name, record, executor);
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
}
