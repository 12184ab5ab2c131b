package org.ronchi.headless;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.processing.results.ResultsStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "formats", description = "List every installed reader and writer (found as services) with its format names, "
		+ "extensions and options, and the results stores workflows write with.")
final class FormatsCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Option(names = "--json", description = "print one JSON object")
	boolean json;

	@Override
	public Integer call() {
		List<FileLoader> readers = cli.services.loaders().loaders().stream().sorted(Comparator.comparing(FileLoader::name)).toList();
		List<FileWriter> writers = cli.services.writers().writers();
		List<ResultsStore> stores = cli.services.resultsStores().stores();
		if (json) {
			cli.out.println(Json.print(Json.formats(readers, writers, stores)));
			return 0;
		}
		cli.out.println("Readers (a file is opened by the one whose content probe is most confident; -o KEY=VALUE passes options):");
		for (FileLoader l : readers) {
			cli.out.printf("  %-20s %s%n", l.name(), String.join(", ", l.extensions()));
			options(l.options());
		}
		cli.out.println("Writers (ronchi convert IN OUT --to ID; -w KEY=VALUE passes options):");
		for (FileWriter w : writers) {
			cli.out.printf("  %-6s %-30s %-10s carries %s%n", w.id(), w.name(), String.join(", ", w.extensions()),
					String.join(", ", w.carries().stream().sorted().map(FormatsCommand::words).toList()));
			options(w.options());
		}
		cli.out.println("Results stores (a workflow's \"output\": {\"store\": ID}):");
		for (ResultsStore s : stores) {
			cli.out.printf("  %-6s %s%s%n", s.id(), s.name(), s.id().equals(ResultsStore.DEFAULT) ? " (default)" : "");
		}
		return 0;
	}

	private void options(List<FormatOption> options) {
		for (FormatOption o : options) {
			cli.out.printf("      %s=%s (default %s): %s%n", o.name(), o.type(), o.defaultValue(), o.doc());
		}
	}

	/** @return POINT_LISTS as "point lists" */
	static String words(FileWriter.Carries c) {
		return c.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}
}
