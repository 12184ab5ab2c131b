package org.ronchi.headless;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.results.ResultsStores;

/**
 * The Equinox application behind the {@code ronchi} command: finds the registry services in the OSGi
 * registry and hands the command line to {@link RonchiCli}. The exit code is returned to the launcher.
 */
public final class RonchiApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		BundleContext bc = FrameworkUtil.getBundle(RonchiApplication.class).getBundleContext();
		List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
		try {
			LoaderRegistry loaders = service(bc, LoaderRegistry.class, trackers);
			WriterRegistry writers = service(bc, WriterRegistry.class, trackers);
			OperationRegistry operations = service(bc, OperationRegistry.class, trackers);
			ResultsStores stores = service(bc, ResultsStores.class, trackers);
			if (loaders == null || writers == null || operations == null || stores == null) {
				return 1;
			}
			RonchiCli.Services services = new RonchiCli.Services() {
				@Override
				public LoaderRegistry loaders() {
					return loaders;
				}

				@Override
				public WriterRegistry writers() {
					return writers;
				}

				@Override
				public OperationRegistry operations() {
					return operations;
				}

				@Override
				public ResultsStores resultsStores() {
					return stores;
				}
			};
			return RonchiCli.run(services, System.out, System.err, args == null ? new String[0] : args);
		} finally {
			trackers.forEach(ServiceTracker::close);
		}
	}

	/** @return the registry service of that type, or null (said on stderr) if it did not start within 30 s */
	private static <T> T service(BundleContext bc, Class<T> type, List<ServiceTracker<?, ?>> trackers) throws InterruptedException {
		ServiceTracker<T, T> t = new ServiceTracker<>(bc, type, null);
		trackers.add(t);
		t.open();
		T s = t.waitForService(TimeUnit.SECONDS.toMillis(30));
		if (s == null) {
			System.err.println("ronchi: internal error: the " + type.getSimpleName() + " service did not start");
		}
		return s;
	}

	@Override
	public void stop() {
		// commands are short-lived; nothing to interrupt
	}
}
