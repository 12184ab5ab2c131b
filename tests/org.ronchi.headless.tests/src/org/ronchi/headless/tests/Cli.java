package org.ronchi.headless.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.headless.RonchiCli;
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.processing.OperationRegistry;

/** Runs the CLI in-process and captures what it prints. Under OSGi the real registry service is used. */
final class Cli {
	record Run(int exit, String out, String err) {
	}

	private Cli() {
	}

	/** @return the registry from the OSGi service registry, or null outside OSGi */
	static LoaderRegistry osgiRegistry() {
		Bundle b = FrameworkUtil.getBundle(Cli.class);
		if (b == null || b.getBundleContext() == null) {
			return null;
		}
		ServiceTracker<LoaderRegistry, LoaderRegistry> t = new ServiceTracker<>(b.getBundleContext(), LoaderRegistry.class, null);
		t.open();
		try {
			return t.waitForService(20_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	static LoaderRegistry registry() {
		LoaderRegistry r = osgiRegistry();
		return r != null ? r : new LoaderRegistryImpl().register(new Hdf5Loader());
	}

	/** @return the operation registry service, or an empty registry outside OSGi */
	static OperationRegistry operations() {
		Bundle b = FrameworkUtil.getBundle(Cli.class);
		if (b == null || b.getBundleContext() == null) {
			return java.util.List::of;
		}
		ServiceTracker<OperationRegistry, OperationRegistry> t = new ServiceTracker<>(b.getBundleContext(), OperationRegistry.class, null);
		t.open();
		try {
			return t.waitForService(20_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		LoaderRegistry reg = registry();
		OperationRegistry ops = operations();
		RonchiCli.Services services = new RonchiCli.Services() {
			@Override
			public LoaderRegistry loaders() {
				return reg;
			}

			@Override
			public OperationRegistry operations() {
				return ops;
			}
		};
		int code = RonchiCli.run(services, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), args);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
