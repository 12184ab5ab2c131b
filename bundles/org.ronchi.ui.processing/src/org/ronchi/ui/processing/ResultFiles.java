package org.ronchi.ui.processing;

import java.nio.file.Path;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.processing.RunResult;
import org.ronchi.ui.DataTreeView;

/**
 * A run's outputs as a {@link DataFile} the Data Tree can show: one array per output (copies of the
 * nodes, sharing their lazy data), each a signal, under a root named after the run. Closing it
 * closes the run's results file, if any.
 */
public final class ResultFiles {
	private ResultFiles() {
	}

	public static DataFile of(RunResult r, String operationName, String inputTitle) {
		Group root = Group.root();
		String name = operationName + " of " + inputTitle;
		Path where = r.resultsFile() != null ? r.resultsFile() : Path.of(name);
		DataFile f = new DataFile(where, DataTreeView.RESULTS_FORMAT, r.status().name().toLowerCase(java.util.Locale.ROOT), root, r);
		for (ArrayNode a : r.outputs()) {
			ArrayNode c = new ArrayNode(a.name(), a.source()).axes(a.axes()).kind(a.kind()).title(a.title()).quantity(a.quantity(), a.units());
			c.metadata(a.metadata()).originalMetadata(a.originalMetadata()).pointLists(a.pointLists()); // peaks: the Explorer draws them
			root.add(c);
			f.addSignal(c);
		}
		f.metadata().set("general.title", name);
		if (r.group() != null) {
			f.metadata().set("processing.results_group", r.group());
		}
		return f;
	}
}
