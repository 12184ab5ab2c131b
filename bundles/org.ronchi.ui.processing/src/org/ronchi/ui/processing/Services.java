package org.ronchi.ui.processing;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.processing.Engine;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.ui.preferences.UiPreferences;

/** The processing services as the views see them: the operation registry, the results stores, and engines set up from the preferences. */
public final class Services {
	private static ServiceTracker<OperationRegistry, OperationRegistry> tracker;
	private static ServiceTracker<ResultsStores, ResultsStores> stores;

	private Services() {
	}

	/**
	 * @return the operation registry service
	 * @throws IllegalStateException if it does not come up within 10 s
	 */
	public static synchronized OperationRegistry operations() {
		if (tracker == null) {
			Bundle b = FrameworkUtil.getBundle(Services.class);
			BundleContext bc = b == null ? null : b.getBundleContext();
			if (bc == null) {
				throw new IllegalStateException("the operation registry is a service: run inside OSGi");
			}
			tracker = new ServiceTracker<>(bc, OperationRegistry.class, null);
			tracker.open();
		}
		try {
			OperationRegistry r = tracker.waitForService(10_000);
			if (r == null) {
				throw new IllegalStateException("the operation registry service is not available");
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

	/**
	 * @return the results-store service
	 * @throws IllegalStateException if it does not come up within 10 s
	 */
	public static synchronized ResultsStores resultsStores() {
		if (stores == null) {
			Bundle b = FrameworkUtil.getBundle(Services.class);
			BundleContext bc = b == null ? null : b.getBundleContext();
			if (bc == null) {
				throw new IllegalStateException("the results stores are a service: run inside OSGi");
			}
			stores = new ServiceTracker<>(bc, ResultsStores.class, null);
			stores.open();
		}
		try {
			ResultsStores r = stores.waitForService(10_000);
			if (r == null) {
				throw new IllegalStateException("the results-store service is not available");
			}
			return r;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
