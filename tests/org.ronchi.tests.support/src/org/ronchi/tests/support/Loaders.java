package org.ronchi.tests.support;

import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.LoaderRegistry;

/**
 * The loader registry for tests that read real files in formats their bundle does not know: under OSGi
 * (tycho-surefire) the {@code LoaderRegistry} service (the test pom must require the feature holding the
 * format bundles); on the flat class path of {@code dev/quicktest} a registry of the loader classes that
 * are on it (the format bundles must be named on its command line).
 */
public final class Loaders {
	private static final String[] LOADERS = { "org.ronchi.hdf5.Hdf5Loader", "org.ronchi.io.emd.internal.NcemLoader",
			"org.ronchi.io.emd.internal.Emd1Loader", "org.ronchi.io.velox.VeloxLoader", "org.ronchi.io.tia.TiaLoader",
			"org.ronchi.io.dm.DmLoader", "org.ronchi.io.mrc.MrcLoader" };

	private Loaders() {
	}

	public static LoaderRegistry registry() {
		LoaderRegistry service = osgi();
		if (service != null) {
			return service;
		}
		try {
			Object reg = Class.forName("org.ronchi.core.internal.LoaderRegistryImpl").getConstructor().newInstance();
			for (String name : LOADERS) {
				try {
					FileLoader l = (FileLoader) Class.forName(name).getConstructor().newInstance();
					reg.getClass().getMethod("register", FileLoader.class).invoke(reg, l);
				} catch (ClassNotFoundException e) {
					// that format's bundle is not on the class path
				}
			}
			return (LoaderRegistry) reg;
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("cannot build a loader registry: " + e, e);
		}
	}

	private static LoaderRegistry osgi() {
		try {
			Class<?> fu = Class.forName("org.osgi.framework.FrameworkUtil");
			Object bundle = fu.getMethod("getBundle", Class.class).invoke(null, Loaders.class);
			if (bundle == null) {
				return null;
			}
			Object ctx = bundle.getClass().getMethod("getBundleContext").invoke(bundle);
			if (ctx == null) {
				return null;
			}
			Class<?> bc = Class.forName("org.osgi.framework.BundleContext");
			for (int i = 0; i < 200; i++) { // DS activates the registry shortly after start-up
				Object ref = bc.getMethod("getServiceReference", Class.class).invoke(ctx, LoaderRegistry.class);
				if (ref != null) {
					return (LoaderRegistry) bc.getMethod("getService", Class.forName("org.osgi.framework.ServiceReference")).invoke(ctx, ref);
				}
				Thread.sleep(100);
			}
			throw new AssertionError("LoaderRegistry service not registered after 20 s");
		} catch (ClassNotFoundException e) {
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("cannot get the LoaderRegistry service: " + e, e);
		}
	}
}
