package org.ronchi.processing.results;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.ronchi.processing.ProcessingException;

/**
 * The service that knows every registered {@link ResultsStore} (the implementation tracks them
 * dynamically); the engine finds the store a request names through it.
 */
public interface ResultsStores {

	/** No store at all: runs without a results file only. */
	ResultsStores NONE = List::of;

	/** @return every store, sorted by id */
	List<ResultsStore> stores();

	/**
	 * @param id a store id, or null for {@link ResultsStore#DEFAULT}
	 * @return the store with this id
	 * @throws ProcessingException naming the id and the installed stores
	 */
	default ResultsStore get(String id) {
		String want = id == null ? ResultsStore.DEFAULT : id;
		for (ResultsStore s : stores()) {
			if (s.id().equals(want)) {
				return s;
			}
		}
		List<String> ids = stores().stream().map(ResultsStore::id).toList();
		throw new ProcessingException(null, null, "no results store '" + want + "' is installed (installed: "
				+ (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
	}

	/** @return a fixed registry of these stores (plain Java use: tests, tools outside OSGi) */
	static ResultsStores of(Collection<? extends ResultsStore> stores) {
		List<ResultsStore> sorted = new ArrayList<>(stores);
		sorted.sort(Comparator.comparing(ResultsStore::id));
		List<ResultsStore> fixed = List.copyOf(sorted);
		return () -> fixed;
	}
}
