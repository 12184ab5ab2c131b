package org.ronchi.headless;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Listed for --help; the ronchi script starts the desktop application itself. */
@Command(name = "gui", description = "Start the desktop (Data Browser) and optionally open FILE.")
final class GuiCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Parameters(arity = "0..1", paramLabel = "FILE")
	String file;

	@Override
	public Integer call() {
		cli.err.println("ronchi: the desktop is started by the ronchi script: ./ronchi gui" + (file == null ? "" : " " + file));
		return 2;
	}
}
