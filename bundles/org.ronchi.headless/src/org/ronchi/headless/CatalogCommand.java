package org.ronchi.headless;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.ronchi.headless.catalog.CatalogOutput;
import org.ronchi.headless.catalog.Catalogue;
import org.ronchi.headless.catalog.Progress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "catalog", description = { "Catalogue folders: one record per file (format, signals, calibrated axes, standard metadata with units, "
		+ "or why it could not be read), as JSON Lines and/or CSV. An existing output is extended: files unchanged since "
		+ "(same path, size, modification time) are skipped. Records follow docs/catalog.schema.json; without --jsonl or --csv "
		+ "they are printed as JSON Lines." })
final class CatalogCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Parameters(arity = "1..*", paramLabel = "DIR", description = "folders (or files) to catalogue")
	List<Path> roots;

	@Option(names = "--jsonl", paramLabel = "OUT", description = "write (or extend) this JSON Lines file")
	Path jsonl;

	@Option(names = "--csv", paramLabel = "OUT", description = "write (or extend) this CSV file: the standard fields in fixed columns")
	Path csv;

	@Option(names = { "-r", "--recursive" }, description = "descend into sub-folders")
	boolean recursive;

	@Option(names = "--threads", paramLabel = "N", description = "files read at once (default: the number of processors)")
	Integer threads;

	@Option(names = "--original", description = "add the vendor's original metadata tree to each record")
	boolean original;

	@Override
	public Integer call() {
		if (threads != null && threads < 1) {
			throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
		}
		if (jsonl != null && csv != null && jsonl.toAbsolutePath().normalize().equals(csv.toAbsolutePath().normalize())) {
			throw new IllegalArgumentException("--jsonl and --csv name the same file");
		}
		List<CatalogOutput> outputs = new ArrayList<>();
		if (jsonl != null) {
			outputs.add(CatalogOutput.file(jsonl, CatalogOutput.Kind.JSONL));
		}
		if (csv != null) {
			outputs.add(CatalogOutput.file(csv, CatalogOutput.Kind.CSV));
		}
		boolean toFile = !outputs.isEmpty();
		if (!toFile) {
			outputs.add(CatalogOutput.stream(cli.out, CatalogOutput.Kind.JSONL));
		}
		int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
		Catalogue.Counts c = Catalogue.run(cli.services.loaders(), new Catalogue.Settings(roots, recursive, n, original), outputs,
				Progress.onTerminal(cli.err));
		List<String> to = outputs.stream().filter(o -> o.target() != null).map(o -> o.target().toString()).toList();
		cli.err.printf("catalog: %d files catalogued (%d read, %d not recognised, %d errors), %d unchanged skipped%s%n", c.catalogued(),
				c.read(), c.unrecognised(), c.errors(), c.unchanged(), toFile ? " -> " + String.join(", ", to) : "");
		return 0;
	}
}
