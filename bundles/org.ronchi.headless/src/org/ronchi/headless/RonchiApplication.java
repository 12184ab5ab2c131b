package org.ronchi.headless;

import java.util.concurrent.TimeUnit;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.processing.OperationRegistry;

/**
 * The Equinox application behind the {@code ronchi} command: finds the services in the OSGi registry
 * and hands the command line to {@link RonchiCli}. The exit code is returned to the launcher.
 */
public final class RonchiApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) throws Exception {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		BundleContext bc = FrameworkUtil.getBundle(RonchiApplication.class).getBundleContext();
		ServiceTracker<LoaderRegistry, LoaderRegistry> loaders = new ServiceTracker<>(bc, LoaderRegistry.class, null);
		ServiceTracker<OperationRegistry, OperationRegistry> operations = new ServiceTracker<>(bc, OperationRegistry.class, null);
		loaders.open();
		operations.open();
		try {
			LoaderRegistry loaderRegistry = loaders.waitForService(TimeUnit.SECONDS.toMillis(30));
			OperationRegistry operationRegistry = operations.waitForService(TimeUnit.SECONDS.toMillis(30));
			if (loaderRegistry == null || operationRegistry == null) {
				System.err.println("ronchi: internal error: the " + (loaderRegistry == null ? "loader" : "operation")
						+ " registry service did not start");
				return 1;
			}
			RonchiCli.Services services = new RonchiCli.Services() {
				@Override
				public LoaderRegistry loaders() {
					return loaderRegistry;
				}

				@Override
				public OperationRegistry operations() {
					return operationRegistry;
				}
			};
			return RonchiCli.run(services, System.out, System.err, args == null ? new String[0] : args);
		} finally {
			operations.close();
			loaders.close();
		}
	}

	@Override
	public void stop() {
		// commands are short-lived; nothing to interrupt
	}
}
