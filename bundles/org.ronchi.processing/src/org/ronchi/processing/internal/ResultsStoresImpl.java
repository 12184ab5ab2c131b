package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;

/** The results-store registry: tracks every {@link ResultsStore} service as it comes and goes (dynamic, multiple). */
@Component(service = ResultsStores.class, immediate = true)
public class ResultsStoresImpl implements ResultsStores {
	private final List<ResultsStore> stores = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addStore(ResultsStore store) {
		stores.add(store);
	}

	public void removeStore(ResultsStore store) {
		stores.remove(store);
	}

	@Override
	public List<ResultsStore> stores() {
		List<ResultsStore> sorted = new ArrayList<>(stores);
		sorted.sort(Comparator.comparing(ResultsStore::id));
		return sorted;
	}
}
