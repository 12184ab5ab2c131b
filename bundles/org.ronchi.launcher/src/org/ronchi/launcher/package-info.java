/**
 * Starts Equinox from the application class path for the {@code ronchi} command and the desktop.
 *
 * <p>Why: the JVM's class-data-sharing archive never holds classes of a signed jar, and the framework
 * jar is signed, so its ~450 classes were read, verified and checked against the signature on every
 * command. {@link org.ronchi.launcher.FrameworkCopy} writes an unsigned copy of it once per build, and
 * {@link org.ronchi.launcher.Main} runs {@code EclipseStarter} from the application class path beside
 * that copy, which also skips the Equinox launcher's own work (finding and reading its ini, a class
 * loader of its own; ~0.1 s). Together they take {@code ronchi info} from ~0.95 s to ~0.6 s on the
 * 2-core build machine. The desktop starts the same way (its window appears ~0.5 s sooner); the
 * {@code ronchi} script restarts it on exit code 23, as the Equinox launcher would.
 *
 * <p>This bundle is shipped in the product only to sit in its {@code plugins} folder; inside the
 * framework it is inert (no imports, no activator). It reaches the framework by reflection because
 * {@code org.eclipse.core.runtime.adaptor} is exported to friends only.
 */
package org.ronchi.launcher;
