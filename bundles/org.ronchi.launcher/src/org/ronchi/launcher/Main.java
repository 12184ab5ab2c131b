package org.ronchi.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * {@code java -cp <this jar>:<framework jar> org.ronchi.launcher.Main -application ID ARGS...}:
 * runs the Eclipse application {@code ID} in a framework configured by system properties (see the
 * {@code ronchi} script) and exits with the application's exit code.
 */
public final class Main {

	/** Equinox's own launcher uses 13 when the framework or application failed to start. */
	static final int STARTUP_FAILED = 13;

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(args));
	}

	static int run(String[] args) {
		if (System.getProperty("eclipse.startTime") == null) {
			System.setProperty("eclipse.startTime", Long.toString(System.currentTimeMillis()));
		}
		try {
			Class<?> starter = Class.forName("org.eclipse.core.runtime.adaptor.EclipseStarter");
			Method run = starter.getMethod("run", String[].class, Runnable.class);
			Object result = run.invoke(null, args, null);
			// null: the framework could not start the application; Equinox has logged why
			return result instanceof Integer code ? code : STARTUP_FAILED;
		} catch (InvocationTargetException e) {
			System.err.println("ronchi: the OSGi framework failed: " + e.getCause());
			return STARTUP_FAILED;
		} catch (ReflectiveOperationException e) {
			System.err.println("ronchi: no Equinox framework on the class path (" + e + ")");
			return STARTUP_FAILED;
		}
	}
}
