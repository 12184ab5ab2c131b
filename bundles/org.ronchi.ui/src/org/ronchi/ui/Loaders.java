package org.ronchi.ui;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.core.io.LoaderRegistry;

/** The loader registry service, as the views see it: views never touch file formats themselves. */
final class Loaders {
	private static ServiceTracker<LoaderRegistry, LoaderRegistry> tracker;

	private Loaders() {
	}

	static synchronized LoaderRegistry registry() {
		if (tracker == null) {
			BundleContext bc = FrameworkUtil.getBundle(Loaders.class).getBundleContext();
			tracker = new ServiceTracker<>(bc, LoaderRegistry.class, null);
			tracker.open();
		}
		try {
			LoaderRegistry r = tracker.waitForService(10_000);
			if (r == null) {
				throw new IllegalStateException("the loader registry service is not available");
			}
			return r;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
