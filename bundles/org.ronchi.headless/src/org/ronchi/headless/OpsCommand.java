package org.ronchi.headless;

import java.util.concurrent.Callable;

import org.ronchi.processing.Schemas;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "ops", description = "List every registered processing operation with its parameters (types, units, defaults, ranges).")
final class OpsCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Option(names = "--json", description = "print the parameter schemas as JSON")
	boolean json;

	@Override
	public Integer call() {
		var ops = cli.services.operations().operations();
		cli.out.print(json ? Schemas.json(ops) + System.lineSeparator() : Schemas.text(ops));
		return 0;
	}
}
