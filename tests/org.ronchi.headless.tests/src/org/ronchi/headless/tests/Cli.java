package org.ronchi.headless.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.headless.RonchiCli;
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.tests.support.Services;

/**
 * Runs the CLI in-process and captures what it prints. Under OSGi the real registry services are used;
 * outside it, the generic HDF5 loader alone, and no writers, operations or results stores unless given.
 */
final class Cli {
	record Run(int exit, String out, String err) {
	}

	private Cli() {
	}

	/** @return the registry from the OSGi service registry, or null outside OSGi */
	static LoaderRegistry osgiRegistry() {
		return Services.context(Cli.class) == null ? null : Services.one(Cli.class, LoaderRegistry.class, null);
	}

	static LoaderRegistry registry() {
		LoaderRegistry r = osgiRegistry();
		return r != null ? r : new LoaderRegistryImpl().register(new Hdf5Loader());
	}

	/** @return the operation registry service, or an empty registry outside OSGi */
	static OperationRegistry operations() {
		return Services.context(Cli.class) == null ? List::of : Services.one(Cli.class, OperationRegistry.class, null);
	}

	/** @return the writer registry service, or an empty registry outside OSGi */
	static WriterRegistry writers() {
		return Services.context(Cli.class) == null ? List::of : Services.one(Cli.class, WriterRegistry.class, null);
	}

	/** @return the results-store registry service, or none outside OSGi */
	static ResultsStores stores() {
		return Services.context(Cli.class) == null ? ResultsStores.NONE : Services.one(Cli.class, ResultsStores.class, null);
	}

	static Run run(String... args) {
		return run(writers(), args);
	}

	/** Runs with these writers instead of the installed ones. */
	static Run run(WriterRegistry writers, String... args) {
		return run(registry(), writers, args);
	}

	/** Runs with these loaders and writers instead of the installed ones. */
	static Run run(LoaderRegistry reg, WriterRegistry writers, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		OperationRegistry ops = operations();
		ResultsStores stores = stores();
		RonchiCli.Services services = new RonchiCli.Services() {
			@Override
			public LoaderRegistry loaders() {
				return reg;
			}

			@Override
			public WriterRegistry writers() {
				return writers;
			}

			@Override
			public OperationRegistry operations() {
				return ops;
			}

			@Override
			public ResultsStores resultsStores() {
				return stores;
			}
		};
		int code = RonchiCli.run(services, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), args);
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}
}
