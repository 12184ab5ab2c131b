package org.ronchi.headless;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "info", description = "List a file's format and its signals/datasets: id, kind, shape, dtype, calibrated axes.")
final class InfoCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@picocli.CommandLine.Mixin
	LoaderOptions loaderOptions = new LoaderOptions();

	@Parameters(index = "0", paramLabel = "FILE")
	Path file;

	@Option(names = "--json", description = "print one JSON object")
	boolean json;

	@Override
	public Integer call() {
		try (DataFile f = cli.services.loaders().open(file, loaderOptions.map())) {
			if (json) {
				cli.out.println(Json.print(Json.info(f)));
			} else {
				cli.out.printf("%s: %s %s%n", f.path(), f.format(), f.formatVersion());
				int i = 0;
				for (ArrayNode a : f.signals()) {
					cli.out.printf("  signal:%-3d %-10s %-14s %-8s %s  %s%n", i++, a.kind(), Shapes.format(a.shape()),
							a.dtype().numpyName(), a.path(), a.title().equals(a.name()) ? "" : "\"" + a.title() + "\"");
					for (Axis x : a.axes()) {
						if (x.isLinear() && x.scale() == 1.0 && x.offset() == 0.0 && x.units().isEmpty() && !x.navigate()) {
							continue;
						}
						cli.out.printf("             %s%n", describe(x));
					}
				}
			}
			f.warnings().forEach(w -> cli.err.println("warning: " + w));
		}
		return 0;
	}

	static String describe(Axis x) {
		String nav = x.navigate() ? " (navigation)" : "";
		if (x.isLinear()) {
			return String.format("%s[%d] scale %s %s, offset %s%s", x.name(), x.size(), fmt(x.scale()), x.units(), fmt(x.offset()), nav);
		}
		return String.format("%s[%d] %s, values %s .. %s%s", x.name(), x.size(), x.units(), fmt(x.coordinate(0)),
				fmt(x.coordinate(x.size() - 1)), nav);
	}

	static String fmt(double d) {
		return String.format("%.6g", d);
	}
}
