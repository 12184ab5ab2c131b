package org.ronchi.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/**
 * The desktop application: a 3.x workbench. Data files named on the command line are opened at start;
 * {@code --perspective=ID} (or a short name: {@code stem4d}, {@code browser}) chooses the perspective
 * to start in.
 */
public final class RonchiDesktop implements IApplication {
	static final String STEM4D_PERSPECTIVE = "org.ronchi.ui.stem4d.perspective";

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		List<Path> files = new ArrayList<>();
		String perspective = null;
		if (args != null) {
			for (String a : args) {
				if (a.startsWith("--perspective=")) {
					perspective = perspectiveId(a.substring("--perspective=".length()));
				} else if (!a.startsWith("-")) {
					files.add(Paths.get(a).toAbsolutePath());
				}
			}
		}
		Display display = PlatformUI.createDisplay();
		try {
			int code = PlatformUI.createAndRunWorkbench(display, new RonchiWorkbenchAdvisor(files, perspective));
			return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
		} finally {
			display.dispose();
		}
	}

	static String perspectiveId(String name) {
		return switch (name) {
		case "stem4d", "4dstem", "4d-stem" -> STEM4D_PERSPECTIVE;
		case "browser", "data-browser" -> DataBrowserPerspective.ID;
		default -> name;
		};
	}

	@Override
	public void stop() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return;
		}
		IWorkbench wb = PlatformUI.getWorkbench();
		Display d = wb.getDisplay();
		d.syncExec(() -> {
			if (!d.isDisposed()) {
				wb.close();
			}
		});
	}
}
