package org.ronchi.ui.processing.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.results.ResultsStore;
import org.ronchi.processing.results.ResultsStores;
import org.ronchi.tests.support.Services;

/**
 * A shell on the real display and the services, as the views get them: the loader registry and the
 * operation registry (OSGi services; outside OSGi, in the developers' flat loop, built from the
 * bundles' classes by name).
 */
final class Env implements AutoCloseable {
	final Display display = Display.getDefault();
	final Shell shell;

	Env(int w, int h) {
		shell = new Shell(display, SWT.SHELL_TRIM);
		shell.setLayout(new FillLayout());
		shell.setSize(w, h);
	}

	void open() {
		shell.open();
		settle();
	}

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

	void settle() {
		while (display.readAndDispatch()) {
			// deliver async results, paint
		}
	}

	@Override
	public void close() {
		shell.dispose();
		settle();
	}

	static <T> T service(Class<T> type) {
		Bundle b = FrameworkUtil.getBundle(Env.class);
		if (b == null || b.getBundleContext() == null) {
			return null;
		}
		ServiceTracker<T, T> t = new ServiceTracker<>(b.getBundleContext(), type, null);
		t.open();
		try {
			T s = t.waitForService(20_000);
			if (s == null) {
				fail("no " + type.getSimpleName() + " service within 20 s");
			}
			return s;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	static LoaderRegistry loaders() {
		LoaderRegistry r = service(LoaderRegistry.class);
		if (r != null) {
			return r;
		}
		try {
			Object reg = Class.forName("org.ronchi.core.internal.LoaderRegistryImpl").getConstructor().newInstance();
			Method register = reg.getClass().getMethod("register", FileLoader.class);
			for (String c : new String[] { "org.ronchi.io.emd.internal.NcemLoader", "org.ronchi.io.emd.internal.Emd1Loader", "org.ronchi.hdf5.Hdf5Loader" }) {
				register.invoke(reg, Class.forName(c).getConstructor().newInstance());
			}
			return (LoaderRegistry) reg;
		} catch (ReflectiveOperationException e) {
			throw new AssertionError(e);
		}
	}

	/** @return the installed results stores (EMD 1.0 of org.ronchi.io.emd, NeXus of org.ronchi.io.nexus) */
	static ResultsStores stores() {
		return ResultsStores.of(Services.all(Env.class, ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore",
				"org.ronchi.io.nexus.internal.NexusResultsStore"));
	}

	static OperationRegistry operations() {
		OperationRegistry r = service(OperationRegistry.class);
		if (r != null) {
			return r;
		}
		List<Operation> ops = new ArrayList<>();
		for (String c : new String[] { "org.ronchi.processing.stem4d.VirtualImage", "org.ronchi.processing.stem4d.CenterOfMass",
				"org.ronchi.processing.stem4d.VirtualBfAdf", "org.ronchi.processing.stem4d.VirtualDiffraction", "org.ronchi.processing.ops.Reduce",
				"org.ronchi.processing.diffraction.ops.Probe", "org.ronchi.processing.diffraction.ops.BraggDisksOperation",
				"org.ronchi.processing.diffraction.ops.Origin", "org.ronchi.processing.diffraction.ops.LatticeOperation",
				"org.ronchi.processing.diffraction.ops.StrainOperation", "org.ronchi.processing.decomposition.ops.SvdOperation" }) {
			try {
				ops.add((Operation) Class.forName(c).getConstructor().newInstance());
			} catch (ReflectiveOperationException e) {
				throw new AssertionError(e);
			}
		}
		return OperationRegistry.of(ops);
	}
}
