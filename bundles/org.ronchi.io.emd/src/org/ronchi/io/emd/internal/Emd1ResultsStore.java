package org.ronchi.io.emd.internal;

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
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.emd.EmdException;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.processing.results.OpenedRun;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.RunNames;
import org.ronchi.processing.results.RunRecord;
import org.ronchi.processing.results.StoredRun;

/**
 * The default results store: an EMD 1.0 file (emdfile / py4DSTEM layout) whose root carries
 * {@value #MARKER}, each run a root group named as an h5USID results group, {@code Source-Tool_NNN}
 * ({@link Emd1Runs} has the layout). Adding a run rewrites the file: the existing groups are streamed
 * into a new file beside it ({@link Emd1Copy}), then the new run, then the new file replaces the old one
 * atomically. Only files carrying the marker are ever rewritten.
 */
@Component(service = ResultsStore.class)
public class Emd1ResultsStore implements ResultsStore {
	/** Root attribute that marks a results file: only such files are ever rewritten. */
	static final String MARKER = "ronchi_results_file";

	public Emd1ResultsStore() {
		// DS instantiates the store; it holds no state
	}

	@Override
	public String id() {
		return "emd1";
	}

	@Override
	public String name() {
		return "EMD 1.0 (emdfile / py4DSTEM)";
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
				if (Emd1Runs.isRun(n)) {
					out.add(new StoredRun(n.name(), Emd1Runs.provenance((Group) n)));
				}
			}
			return out;
		}
	}

	@Override
	public OpenedRun open(Path file, String run) {
		Hdf5File h = Hdf5File.open(file);
		try {
			Group g = Emd1Runs.run(file, h.tree(), run);
			Map<String, String> paths = new LinkedHashMap<>();
			List<ArrayNode> outputs = Emd1Runs.outputs(file, h, g, paths);
			return new OpenedRun(run, Emd1Runs.provenance(g), outputs, paths, h);
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
					throw new EmdException(file, "/", "exists and is not a Ronchi results file (no " + MARKER + " attribute); it is never rewritten");
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
				root.attribute(EmdNode.TYPE, "file").attribute("version_major", 1L).attribute("version_minor", 0L)
						.attribute("authoring_program", "ronchi").attribute("authoring_version", record.provenance().ronchiVersion())
						.attribute(MARKER, 1L);
				if (from != null) {
					for (Node n : from.tree().children()) {
						Emd1Copy.copy(file, from, n, root, executor);
					}
				}
				Emd1Runs.write(root, name, record, executor);
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
