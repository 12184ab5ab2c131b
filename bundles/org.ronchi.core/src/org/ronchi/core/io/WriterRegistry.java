package org.ronchi.core.io;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The service that knows every registered {@link FileWriter}; the CLI finds writers by id through it. */
public interface WriterRegistry {

	/** @return every writer, sorted by id; for one id, the one with the highest {@code service.ranking} */
	List<FileWriter> writers();

	/** @return the writer with this id, or null */
	default FileWriter find(String id) {
		for (FileWriter w : writers()) {
			if (w.id().equals(id)) {
				return w;
			}
		}
		return null;
	}

	/**
	 * @return the writer with this id
	 * @throws InvalidRequestException naming the id and the installed writers
	 */
	default FileWriter get(String id) {
		FileWriter w = find(id);
		if (w == null) {
			List<String> ids = writers().stream().map(FileWriter::id).toList();
			throw new InvalidRequestException(null, null, "unsupported target format: " + id + " (installed: "
					+ (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
		}
		return w;
	}

	/** @return a fixed registry of these writers (plain Java use: tests, tools outside OSGi) */
	static WriterRegistry of(Collection<? extends FileWriter> writers) {
		List<FileWriter> sorted = new ArrayList<>(writers);
		sorted.sort(Comparator.comparing(FileWriter::id));
		List<FileWriter> fixed = List.copyOf(sorted);
		return () -> fixed;
	}
}
