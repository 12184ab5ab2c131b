package org.ronchi.headless;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "metadata", description = "Print the standard metadata tree (units on every value), or the vendor's original tree.")
final class MetadataCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@picocli.CommandLine.Mixin
	LoaderOptions loaderOptions = new LoaderOptions();

	@Parameters(index = "0", paramLabel = "FILE")
	Path file;

	@Option(names = "--original", description = "the vendor's metadata, verbatim")
	boolean original;

	@Option(names = "--json", description = "print JSON")
	boolean json;

	@Override
	public Integer call() {
		try (DataFile f = cli.services.loaders().open(file, loaderOptions.map())) {
			JsonObject o = new JsonObject();
			o.addProperty("file", f.path().toString());
			o.addProperty("format", f.format());
			o.add("metadata", Json.metadata(original ? f.originalMetadata() : f.metadata()));
			JsonArray sigs = new JsonArray();
			int i = 0;
			for (ArrayNode a : f.signals()) {
				JsonObject s = new JsonObject();
				s.addProperty("id", "signal:" + i++);
				s.addProperty("title", a.title());
				s.add("metadata", Json.metadata(original ? a.originalMetadata() : a.metadata()));
				sigs.add(s);
			}
			o.add("signals", sigs);
			if (json) {
				cli.out.println(Json.print(o));
			} else {
				cli.out.printf("%s (%s)%n", f.path(), f.format());
				printTree(original ? f.originalMetadata() : f.metadata(), "  ");
				i = 0;
				for (ArrayNode a : f.signals()) {
					cli.out.printf("signal:%d \"%s\"%n", i++, a.title());
					printTree(original ? a.originalMetadata() : a.metadata(), "  ");
				}
			}
			f.warnings().forEach(w -> cli.err.println("warning: " + w));
		}
		return 0;
	}

	private void printTree(MetadataTree t, String indent) {
		for (var e : t.entries().entrySet()) {
			if (e.getValue() instanceof MetadataTree sub) {
				cli.out.printf("%s%s%n", indent, e.getKey());
				printTree(sub, indent + "  ");
			} else {
				cli.out.printf("%s%s = %s%n", indent, e.getKey(), Json.value(e.getValue()));
			}
		}
	}
}
