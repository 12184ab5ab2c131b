package org.ronchi.headless;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "tree", description = "Print a file's tree: groups, datasets with shape and dtype, optionally attributes.")
final class TreeCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@picocli.CommandLine.Mixin
	LoaderOptions loaderOptions = new LoaderOptions();

	@Parameters(index = "0", paramLabel = "FILE")
	Path file;

	@Option(names = "--attrs", description = "show attributes")
	boolean attrs;

	@Option(names = "--json", description = "print the tree as JSON")
	boolean json;

	@Override
	public Integer call() {
		try (DataFile f = cli.services.loaders().open(file, loaderOptions.map())) {
			if (json) {
				JsonObject o = toJson(f.root());
				o.addProperty("file", f.path().toString());
				o.addProperty("format", f.format());
				cli.out.println(Json.print(o));
			} else {
				cli.out.printf("%s (%s)%n", f.path(), f.format());
				print(f.root(), "");
			}
		}
		return 0;
	}

	private void print(Node n, String indent) {
		if (n.parent() != null) {
			if (n instanceof ArrayNode a) {
				cli.out.printf("%s%s  %s %s%s%n", indent, a.name(), Shapes.format(a.shape()), a.dtype().numpyName(),
						a.kind().equals(ArrayNode.KIND_ARRAY) ? "" : "  [" + a.kind() + "]");
			} else {
				cli.out.printf("%s%s/%n", indent, n.name());
			}
		}
		String inner = n.parent() == null ? "" : indent + "  ";
		if (attrs) {
			for (Map.Entry<String, Object> e : n.attributes().entrySet()) {
				cli.out.printf("%s@%s = %s%n", inner, e.getKey(), Json.value(e.getValue()));
			}
		}
		if (n instanceof Group g) {
			for (Node c : g.children()) {
				print(c, inner);
			}
		}
	}

	private JsonObject toJson(Node n) {
		JsonObject o = new JsonObject();
		o.addProperty("name", n.name());
		o.addProperty("path", n.path());
		if (n instanceof ArrayNode a) {
			o.addProperty("type", "dataset");
			JsonArray shape = new JsonArray();
			for (long s : a.shape()) {
				shape.add(s);
			}
			o.add("shape", shape);
			o.addProperty("dtype", a.dtype().numpyName());
			o.addProperty("kind", a.kind());
		} else {
			o.addProperty("type", "group");
		}
		if (attrs) {
			o.add("attrs", Json.value(n.attributes()));
		}
		if (n instanceof Group g) {
			JsonArray ch = new JsonArray();
			for (Node c : g.children()) {
				ch.add(toJson(c));
			}
			o.add("children", ch);
		}
		return o;
	}
}
