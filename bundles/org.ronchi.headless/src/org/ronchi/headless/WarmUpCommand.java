package org.ronchi.headless;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ronchi warm-up} (hidden): loads, without initialising them, the classes of Ronchi's bundles
 * and of every bundle they are wired to, then exits. The {@code ronchi} script runs it once per build
 * and JVM flavour with a class-data-sharing archive to be written at exit, so that the archive holds
 * what every later command needs: the JVM writes such an archive once, from the run that creates it,
 * and without this it would hold only what the first command happened to use ({@code --help} uses
 * no loader at all).
 */
@Command(name = "warm-up", hidden = true, description = "load every class commands may need (for the start-up archive)")
final class WarmUpCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Override
	public Integer call() {
		Bundle self = FrameworkUtil.getBundle(WarmUpCommand.class);
		if (self == null) {
			cli.out.println("warm-up: not running inside OSGi, nothing to do");
			return 0;
		}
		Set<Bundle> bundles = new LinkedHashSet<>();
		for (Bundle b : self.getBundleContext().getBundles()) {
			BundleWiring w = b.adapt(BundleWiring.class);
			if (w != null && b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.ronchi.")) {
				bundles.add(b);
				for (BundleWire wire : w.getRequiredWires(null)) {
					bundles.add(wire.getProvider().getBundle());
				}
			}
		}
		int loaded = 0;
		int failed = 0;
		for (Bundle b : bundles) {
			BundleWiring w = b.adapt(BundleWiring.class);
			if (b.getBundleId() == 0 || w == null || w.getClassLoader() == null) {
				continue; // the framework itself: its classes are loaded by starting it
			}
			for (String r : w.listResources("/", "*.class", BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL)) {
				if (r.startsWith("META-INF/") || r.endsWith("module-info.class") || r.endsWith("package-info.class")) {
					continue;
				}
				try {
					Class.forName(r.substring(0, r.length() - ".class".length()).replace('/', '.'), false, w.getClassLoader());
					loaded++;
				} catch (ClassNotFoundException | LinkageError e) {
					failed++; // e.g. an optional dependency that is not installed: never needed then either
				}
			}
		}
		cli.out.printf("warm-up: %d classes of %d bundles loaded, %d not loadable here%n", loaded, bundles.size(), failed);
		return 0;
	}
}
