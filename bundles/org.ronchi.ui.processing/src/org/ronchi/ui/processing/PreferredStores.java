package org.ronchi.ui.processing;

import java.util.List;
import java.util.function.Supplier;

import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.ui.preferences.UiPreferences;

/**
 * The results stores as the desktop's engines see them: a request that names no store is saved with
 * the one chosen in Window › Preferences › Ronchi › Processing (EMD 1.0, or NeXus for DAWN users), asked
 * at each run so a change applies to the next one; a request naming a store keeps it.
 */
public final class PreferredStores implements ResultsStores {
	private final ResultsStores installed;
	private final Supplier<String> preferred;

	private PreferredStores(ResultsStores installed, Supplier<String> preferred) {
		this.installed = installed;
		this.preferred = preferred;
	}

	/** @return the installed stores, the one chosen in the preferences standing in for requests that name none */
	public static ResultsStores of(ResultsStores installed) {
		return of(installed, UiPreferences::resultsStore);
	}

	/** @param preferred the id of the store to use when a request names none, or null for the default */
	public static ResultsStores of(ResultsStores installed, Supplier<String> preferred) {
		return new PreferredStores(installed, preferred);
	}

	@Override
	public List<ResultsStore> stores() {
		return installed.stores();
	}

	@Override
	public ResultsStore get(String id) {
		return installed.get(id != null ? id : preferred.get());
	}
}
