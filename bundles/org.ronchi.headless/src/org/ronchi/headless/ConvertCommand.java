package org.ronchi.headless;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.model.DataFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "convert", description = "Write a file's signals (data, axes, metadata) in another format, with any installed writer "
		+ "(ronchi formats lists them: h5USID, EMD 1.0, NCEM EMD, ...). The output must not exist; it appears only when complete.")
final class ConvertCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@picocli.CommandLine.Mixin
	LoaderOptions loaderOptions = new LoaderOptions();

	@Parameters(index = "0", paramLabel = "IN")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT")
	Path out;

	@Option(names = "--to", required = true, paramLabel = "FORMAT", description = "a writer's id, e.g. usid, emd1 or ncem (see ronchi formats)")
	String to;

	@Option(names = { "-w", "--writer-option" }, paramLabel = "KEY=VALUE", description = "an option of the writer (see ronchi formats); repeatable")
	List<String> writerOptions = List.of();

	@Override
	public Integer call() {
		FileWriter writer;
		try {
			writer = cli.services.writers().get(to);
		} catch (InvalidRequestException e) {
			cli.err.println("ronchi: " + e.getMessage()); // a bad request, before the input is opened
			return 2;
		}
		try (DataFile f = cli.services.loaders().open(in, loaderOptions.map())) {
			List<String> notes = writer.write(f, out, LoaderOptions.parse(writerOptions));
			notes.forEach(n -> cli.err.println("note: " + n));
			cli.err.printf("wrote %s (%s, %d signal%s)%n", out, writer.id(), f.signals().size(), f.signals().size() == 1 ? "" : "s");
		}
		return 0;
	}
}
