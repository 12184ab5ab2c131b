package org.ronchi.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.model.DataFile;

/**
 * A shell on the real display (Xvfb in CI) and the event loop helpers UI tests need. Files are opened
 * through the loader registry service, as the views do; outside OSGi (the developers' flat loop) a
 * registry of the format bundles' loaders is built by name instead.
 */
final class Fixture implements AutoCloseable {
	final Display display;
	final Shell shell;

	Fixture(int width, int height) {
		display = Display.getDefault();
		shell = new Shell(display, SWT.SHELL_TRIM);
		shell.setLayout(new FillLayout());
		shell.setSize(width, height);
	}

	void open() {
		shell.open();
		settle();
	}

	/** Runs the event loop until the condition holds; fails naming what did not happen. */
	void pump(BooleanSupplier until, long timeoutMillis, String what) {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!until.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				fail(what + " did not happen within " + timeoutMillis + " ms");
			}
			if (!display.readAndDispatch()) {
				display.timerExec(20, () -> {
					// wakes the loop to check the deadline when nothing else arrives
				});
				display.sleep(); // woken at once by background results (asyncExec), as a real event loop is
			}
		}
		settle();
	}

	/** Runs the event loop until no events are waiting. */
	void settle() {
		while (display.readAndDispatch()) {
			// paint, lay out, deliver async results
		}
	}

	@Override
	public void close() {
		shell.dispose();
		settle();
	}

	/** @return how the views open files: the loader registry service */
	static Function<Path, DataFile> opener() {
		return p -> registry().open(p);
	}

	private static LoaderRegistry registry;

	static synchronized LoaderRegistry registry() {
		if (registry != null) {
			return registry;
		}
		Bundle b = FrameworkUtil.getBundle(Fixture.class);
		if (b != null && b.getBundleContext() != null) {
			ServiceTracker<LoaderRegistry, LoaderRegistry> t = new ServiceTracker<>(b.getBundleContext(), LoaderRegistry.class, null);
			t.open();
			try {
				registry = t.waitForService(20_000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			if (registry == null) {
				fail("no LoaderRegistry service within 20 s");
			}
			return registry;
		}
		registry = flatRegistry();
		return registry;
	}

	/** Outside OSGi: the core's registry with every format loader found on the class path, by name. */
	private static LoaderRegistry flatRegistry() {
		try {
			Object r = Class.forName("org.ronchi.core.internal.LoaderRegistryImpl").getConstructor().newInstance();
			Method register = r.getClass().getMethod("register", org.ronchi.core.io.FileLoader.class);
			for (String c : new String[] { "org.ronchi.io.tiff.internal.TiffLoader", "org.ronchi.io.tia.internal.TiaLoader", "org.ronchi.io.dm.internal.DmLoader",
					"org.ronchi.io.emd.internal.Emd1Loader", "org.ronchi.io.emd.internal.NcemLoader", "org.ronchi.io.usid.internal.UsidLoader",
					"org.ronchi.io.mrc.internal.MrcLoader", "org.ronchi.io.velox.internal.VeloxLoader", "org.ronchi.hdf5.Hdf5Loader" }) {
				try {
					register.invoke(r, Class.forName(c).getConstructor().newInstance());
				} catch (ClassNotFoundException e) {
					// that format bundle is not on the flat class path
				}
			}
			return (LoaderRegistry) r;
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("cannot build a flat loader registry", e);
		}
	}
}
