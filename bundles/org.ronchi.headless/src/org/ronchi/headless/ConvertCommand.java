package org.ronchi.headless;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.Emd1Writer;
import org.ronchi.io.emd.NcemWriter;
import org.ronchi.io.usid.UsidWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "convert", description = "Write a file's signals (data, axes, metadata) as h5USID, EMD 1.0 or NCEM EMD. "
		+ "The output must not exist; it appears only when complete.")
final class ConvertCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@picocli.CommandLine.Mixin
	LoaderOptions loaderOptions = new LoaderOptions();

	@Parameters(index = "0", paramLabel = "IN")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT.h5")
	Path out;

	@Option(names = "--to", required = true, paramLabel = "FORMAT", description = "usid, emd1 or ncem")
	String to;

	@Override
	public Integer call() {
		try (DataFile f = cli.services.loaders().open(in, loaderOptions.map())) {
			switch (to) {
			case "usid" -> UsidWriter.write(f, out);
			case "emd1" -> {
				List<String> notes = Emd1Writer.write(f, out);
				notes.forEach(n -> cli.err.println("note: " + n));
			}
			case "ncem" -> NcemWriter.write(f, out);
			default -> throw new InvalidRequestException(in, null, "unsupported target format: " + to + " (use usid, emd1 or ncem)");
			}
			cli.err.printf("wrote %s (%s, %d signal%s)%n", out, to, f.signals().size(), f.signals().size() == 1 ? "" : "s");
		}
		return 0;
	}
}
