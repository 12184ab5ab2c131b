package org.ronchi.tests.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.LoaderRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Services a test needs, found as the product finds them: under OSGi (./ronchi test) from the service
 * registry, waiting up to 20 s for the first to start; on the flat class path of dev/quicktest by
 * instantiating the named implementation classes that are on it (a test whose bundles are not all
 * named on the quicktest line is skipped, saying which class it missed).
 */
public final class Services {
	private Services() {
	}

	/** @return the bundle context of the test class's bundle (a fragment's host), or null outside OSGi */
	public static BundleContext context(Class<?> test) {
		Bundle b = FrameworkUtil.getBundle(test);
		return b == null ? null : b.getBundleContext();
	}

	/**
	 * @param test                the asking test class (its bundle looks the services up)
	 * @param flatImplementations classes to instantiate outside OSGi (public, no-argument constructors)
	 * @return every registered service of the type (OSGi), or one instance of each named class
	 */
	public static <T> List<T> all(Class<?> test, Class<T> type, String... flatImplementations) {
		BundleContext ctx = context(test);
		if (ctx != null) {
			ServiceTracker<T, T> t = new ServiceTracker<>(ctx, type, null);
			t.open();
			try {
				if (t.waitForService(20_000) == null) {
					throw new AssertionError("no " + type.getSimpleName() + " service within 20 s");
				}
				List<T> out = new ArrayList<>();
				for (Object s : t.getServices()) {
					out.add(type.cast(s));
				}
				return out;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		List<T> out = new ArrayList<>();
		for (String c : flatImplementations) {
			try {
				out.add(type.cast(Class.forName(c).getConstructor().newInstance()));
			} catch (ClassNotFoundException e) {
				Assumptions.abort(c + " is not on the class path: name its bundle on the dev/quicktest line");
			} catch (ReflectiveOperationException e) {
				throw new AssertionError("cannot instantiate " + c, e);
			}
		}
		return out;
	}

	/**
	 * @param flatLoaders loader classes to register outside OSGi (public, no-argument constructors)
	 * @return the {@link LoaderRegistry} service (OSGi: the test's pom must require the feature holding the
	 *         format bundles), or a registry of the named loaders
	 */
	public static LoaderRegistry loaders(Class<?> test, String... flatLoaders) {
		if (context(test) != null) {
			return one(test, LoaderRegistry.class, null);
		}
		List<FileLoader> loaders = all(test, FileLoader.class, flatLoaders);
		try {
			// the registry's class is internal to org.ronchi.core: outside OSGi it is on the class path
			Object reg = Class.forName("org.ronchi.core.internal.LoaderRegistryImpl").getConstructor().newInstance();
			for (FileLoader l : loaders) {
				reg.getClass().getMethod("register", FileLoader.class).invoke(reg, l);
			}
			return (LoaderRegistry) reg;
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("cannot build a loader registry: " + e, e);
		}
	}

	/** @return the one service of a registry type (OSGi), or an instance of the named class */
	public static <T> T one(Class<?> test, Class<T> type, String flatImplementation) {
		return all(test, type, flatImplementation).get(0);
	}
}
