package org.ronchi.io.usid.internal;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;
import org.ronchi.io.usid.Ancillaries;
import org.ronchi.io.usid.MainCheck;
import org.ronchi.io.usid.MainDataset;

/**
 * Turns a Main dataset into a signal: axes from the ancillaries, its N-dimensional form attached
 * ({@link ArrayNode#ndimForm()}), the original metadata (every
 * attribute on the way from the file root to the dataset, verbatim, plus the ancillaries' labels and
 * units) and the standard metadata through {@code mappings/usid.map}.
 */
final class UsidSignal {
	/** Branch of the original tree holding the Main dataset's own attributes. */
	static final String DATASET = "dataset";
	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
			DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss"));

	private UsidSignal() {
	}

	static ArrayNode describe(Path path, MainDataset m, List<String> warnings) {
		ArrayNode n = m.node();
		n.kind(MainDataset.KIND).title(n.name()).quantity(m.quantity(), m.units());
		n.ndimForm(m::ndim); // viewers and exporters unfold it without USID code
		n.axes(List.of(axis(m.position(), n.shape()[0], "Positions", true), axis(m.spectroscopic(), n.shape()[1], "Spectroscopic", false)));
		MetadataTree original = original(n, m);
		n.originalMetadata(original);
		MetadataMapping.Result r = MetadataMappings.forVendor("usid", UsidSignal.class).apply(original);
		MetadataTree std = r.standard();
		std.set("general.title", n.name());
		std.set("general.original_filename", path.getFileName().toString());
		String date = isoDate(original.at("file", "experiment_date"), original.at(DATASET, "timestamp"));
		if (date != null) {
			std.set("general.date_time", date);
		}
		n.metadata(std);
		r.warnings().forEach(w -> warnings.add(n.path() + ": " + w));
		return n;
	}

	/**
	 * One axis per side of the 2-D Main dataset. A side with a single dimension takes its label, units
	 * and values; several dimensions flattened on one axis leave it uncalibrated (the N-dimensional form
	 * has one calibrated axis each).
	 */
	private static Axis axis(Ancillaries side, long size, String flattened, boolean navigate) {
		if (side.rank() == 1) {
			double[] v = side.unitValues(0);
			if (v.length == size) {
				return Axis.vector(side.labels().get(0), side.units().get(0), v).withNavigate(navigate);
			}
		}
		return Axis.index(side.rank() == 1 ? side.labels().get(0) : flattened + " " + side.labels(), size).withNavigate(navigate);
	}

	private static MetadataTree original(ArrayNode n, MainDataset m) {
		MetadataTree t = new MetadataTree();
		List<Group> chain = new ArrayList<>();
		for (Group g = n.parent(); g != null; g = g.parent()) {
			chain.add(0, g);
		}
		t.put("file", attributes(chain.get(0)));
		for (Group g : chain.subList(1, chain.size())) {
			t.put(g.name(), attributes(g));
		}
		t.put(DATASET, attributes(n));
		MetadataTree anc = t.branch("ancillaries");
		for (ArrayNode a : List.of(m.position().indicesNode(), m.position().valuesNode(), m.spectroscopic().indicesNode(),
				m.spectroscopic().valuesNode())) {
			MetadataTree b = attributes(a);
			b.put("path", a.path());
			anc.put(roleOf(n, a), b);
		}
		return t;
	}

	private static String roleOf(ArrayNode main, ArrayNode anc) {
		for (String r : MainCheck.ANCILLARIES) {
			if (main.attribute(r) instanceof Reference ref && anc.path().equals(ref.targetPath())) {
				return r;
			}
		}
		return anc.name();
	}

	/** @return a node's attributes as metadata, references as their target paths */
	static MetadataTree attributes(Node n) {
		MetadataTree t = new MetadataTree();
		for (Map.Entry<String, Object> e : n.attributes().entrySet()) {
			Object v = e.getValue();
			if (v instanceof Reference r) {
				v = r.toString();
			} else if (v instanceof Reference[] rs) {
				v = java.util.Arrays.stream(rs).map(Reference::toString).toArray(String[]::new);
			}
			t.put(e.getKey(), v);
		}
		return t;
	}

	private static String isoDate(Object... candidates) {
		for (Object c : candidates) {
			if (c instanceof String s) {
				for (DateTimeFormatter f : DATES) {
					try {
						return LocalDateTime.parse(s.trim(), f).toString();
					} catch (DateTimeParseException e) {
						// next pattern
					}
				}
			}
		}
		return null;
	}

	/** @return the software version that wrote the file, as its book-keeping attributes say */
	static String version(Group root, MainDataset m) {
		for (Node n : List.of(m.node(), root)) {
			for (String k : List.of("pyUSID_version", "pycroscopy_version", "Pycroscopy version")) {
				if (n.stringAttribute(k) != null) {
					return k.replace("_version", "").replace(" version", "") + " " + n.stringAttribute(k);
				}
			}
		}
		return "";
	}
}
