package org.ronchi.ui.processing;

import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.processing.Engine;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.ui.preferences.UiPreferences;

/**
 * The processing services as the views see them: the operation registry, the results stores, and
 * engines set up from the preferences.
 */
public final class Services {
	private static final Map<Class<?>, ServiceTracker<?, ?>> TRACKERS = new HashMap<>();

	private Services() {
	}

	/**
	 * @return the operation registry service
	 * @throws IllegalStateException if it does not come up within 10 s
	 */
	public static OperationRegistry operations() {
		return service(OperationRegistry.class);
	}

	/**
	 * @return the results-store service (which store writes results files)
	 * @throws IllegalStateException if it does not come up within 10 s
	 */
	public static ResultsStores resultsStores() {
		return service(ResultsStores.class);
	}

	private static synchronized <T> T service(Class<T> type) {
		@SuppressWarnings("unchecked")
		ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) TRACKERS.get(type);
		if (tracker == null) {
			Bundle b = FrameworkUtil.getBundle(Services.class);
			BundleContext bc = b == null ? null : b.getBundleContext();
			if (bc == null) {
				throw new IllegalStateException("the " + type.getSimpleName() + " is a service: run inside OSGi");
			}
			tracker = new ServiceTracker<>(bc, type, null);
			tracker.open();
			TRACKERS.put(type, tracker);
		}
		try {
			T r = tracker.waitForService(10_000);
			if (r == null) {
				throw new IllegalStateException("the " + type.getSimpleName() + " service is not available");
			}
			return r;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * @return a new engine with the preferred threads and memory budget, saving results files with the
	 *         preferred results store ({@link PreferredStores}); close it when the view goes
	 */
	public static Engine newEngine() {
		return new Engine(Engine.Config.defaults().threads(UiPreferences.threads()).memoryBudget(UiPreferences.memoryBudgetBytes()),
				PreferredStores.of(resultsStores()));
	}
}
