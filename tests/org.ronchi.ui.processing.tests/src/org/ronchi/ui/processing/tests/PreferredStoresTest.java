package org.ronchi.ui.processing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ronchi.processing.ProcessingException;
import org.ronchi.processing.results.OpenedRun;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.processing.results.RunRecord;
import org.ronchi.processing.results.StoredRun;
import org.ronchi.ui.processing.PreferredStores;

/** The desktop saves runs with the store chosen in the preferences, unless a request names one. */
class PreferredStoresTest {

	record Named(String id) implements ResultsStore {
		@Override
		public String name() {
			return id.toUpperCase();
		}

		@Override
		public boolean owns(Path file) {
			return false;
		}

		@Override
		public List<StoredRun> runs(Path file) {
			return List.of();
		}

		@Override
		public OpenedRun open(Path file, String run) {
			throw new UnsupportedOperationException();
		}

		@Override
		public String append(Path file, RunRecord run, Executor executor) {
			throw new UnsupportedOperationException();
		}
	}

	@Test
	void theChosenStoreStandsInForRequestsThatNameNone() {
		ResultsStores installed = ResultsStores.of(List.of(new Named("nexus"), new Named("emd1")));
		AtomicReference<String> chosen = new AtomicReference<>();
		ResultsStores stores = PreferredStores.of(installed, chosen::get);
		assertEquals("emd1", stores.get(null).id(), "nothing chosen: the engine's default");
		chosen.set("nexus");
		assertEquals("nexus", stores.get(null).id(), "asked at each run: a change applies to the next");
		assertEquals("emd1", stores.get("emd1").id(), "a request naming a store keeps it");
		assertEquals(List.of("emd1", "nexus"), stores.stores().stream().map(ResultsStore::id).toList());
		chosen.set("zarr");
		ProcessingException e = assertThrows(ProcessingException.class, () -> stores.get(null));
		assertTrue(e.getMessage().contains("emd1, nexus"), e.getMessage());
	}
}
