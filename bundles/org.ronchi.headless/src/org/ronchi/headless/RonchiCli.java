package org.ronchi.headless;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.results.ResultsStores;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ronchi} command line. Runs inside the Equinox application (services found in the OSGi
 * registry) or directly in tests (services passed in). Exit codes: 0 success, 1 a file or data error
 * (one line, no stack trace unless {@code --debug}), 2 bad usage.
 */
@Command(name = "ronchi", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = RonchiCli.Version.class,
		description = "Electron-microscopy data: open any supported file, inspect it, export it.%n",
		footer = { "%nThe desktop: ./ronchi gui [FILE]. Tests: ./ronchi test. Docs: README.md." })
public final class RonchiCli implements Runnable {

	/** Services the commands use; the application finds them in OSGi, tests construct them. */
	public interface Services {
		LoaderRegistry loaders();

		WriterRegistry writers();

		OperationRegistry operations();

		ResultsStores resultsStores();
	}

	/**
	 * The subcommands, in help order. picocli builds its model of a command by reflection when the
	 * command is added, and building all of them is a tenth of a short command's run time: a command
	 * line naming a subcommand first gets only that one; anything else (help, a typo, options first)
	 * gets them all.
	 */
	private static final List<Class<?>> COMMANDS = List.of(InfoCommand.class, TreeCommand.class, MetadataCommand.class,
			ExportCommand.class, ConvertCommand.class, CatalogCommand.class, FormatsCommand.class, OpsCommand.class, RunCommand.class,
			RerunCommand.class, DemoCommand.class, GuiCommand.class, WarmUpCommand.class);

	@Option(names = "--debug", description = "print stack traces on errors", scope = CommandLine.ScopeType.INHERIT)
	boolean debug;

	final Services services;
	final PrintStream out;
	final PrintStream err;

	private RonchiCli(Services services, PrintStream out, PrintStream err) {
		this.services = services;
		this.out = out;
		this.err = err;
	}

	@Override
	public void run() {
		CommandLine.usage(this, out);
	}

	/** Runs one command line; never calls System.exit. */
	public static int run(Services services, PrintStream out, PrintStream err, String... args) {
		RonchiCli cli = new RonchiCli(services, out, err);
		CommandLine cl = new CommandLine(cli);
		Class<?> named = args.length > 0 ? command(args[0]) : null;
		if (named != null) {
			cl.addSubcommand(named);
		} else {
			COMMANDS.forEach(cl::addSubcommand);
		}
		cl.setOut(new PrintWriter(out, true));
		cl.setErr(new PrintWriter(err, true));
		cl.setExecutionExceptionHandler((ex, line, parse) -> {
			boolean dbg = cli.debug || java.util.Arrays.asList(args).contains("--debug");
			Throwable t = unwrap(ex);
			if (t instanceof org.ronchi.processing.ParameterException || t instanceof org.ronchi.processing.workflow.WorkflowException) {
				err.println("ronchi: " + t.getMessage()); // a bad request, found before any work started
				if (dbg) {
					t.printStackTrace(err);
				}
				return 2;
			} else if (t instanceof RonchiException r) {
				err.println("ronchi: " + r.getMessage());
			} else if (t instanceof IllegalArgumentException) {
				err.println("ronchi: " + t.getMessage());
				if (dbg) {
					t.printStackTrace(err);
				}
				return 2;
			} else {
				err.println("ronchi: internal error: " + t);
			}
			if (dbg) {
				t.printStackTrace(err);
			}
			return 1;
		});
		int code = cl.execute(args);
		out.flush();
		err.flush();
		return code;
	}

	/** @return the subcommand class whose {@code @Command} name this is, or null */
	private static Class<?> command(String name) {
		for (Class<?> c : COMMANDS) {
			if (c.getAnnotation(Command.class).name().equals(name)) {
				return c;
			}
		}
		return null;
	}

	private static Throwable unwrap(Throwable t) {
		Throwable cur = t;
		while (cur.getCause() != null && !(cur instanceof RonchiException)
				&& (cur instanceof java.io.IOException || cur instanceof org.eclipse.january.DatasetException
						|| cur instanceof java.io.UncheckedIOException || cur.getClass() == RuntimeException.class)) {
			cur = cur.getCause();
		}
		return cur;
	}

	/** Version from the bundle (or "dev" outside OSGi). */
	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			return new String[] { "ronchi " + version() };
		}
	}

	static String version() {
		try {
			org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(RonchiCli.class);
			if (b != null) {
				return b.getVersion().toString();
			}
		} catch (NoClassDefFoundError e) {
			// plain classpath: no OSGi
		}
		return "dev";
	}
}
