package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ronchi.io.emd.NcemDataGroup;
import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * The metadata of an NCEM/Prismatic file: the version, the attribute groups {@code microscope},
 * {@code sample}, {@code user}, {@code comments} (HyperSpy writes them; values verbatim), Prismatic's
 * {@code simulation_parameters} (short keys verbatim: E, ns, s, zs, c, t...), and per signal its data
 * group's attributes and dim names/units as written. Standard metadata: {@code mappings/ncem.map},
 * plus the title, file name, a voltage given as text ("300kV") and the signal type of CBED arrays.
 */
final class NcemMetadata {
	static final String SIMULATION = "4DSTEM_simulation";
	private static final String SIM_PARAMS = SIMULATION + "/metadata/metadata_0/original/simulation_parameters";
	private static final Pattern VOLTAGE = Pattern.compile("\\s*([-+0-9.eE]+)\\s*(k?V)\\s*");

	private final Path file;
	private final Group hroot;
	private final boolean prismatic;
	private final MetadataTree fileTree = new MetadataTree();

	NcemMetadata(Path file, Group hroot) {
		this.file = file;
		this.hroot = hroot;
		this.prismatic = isPrismatic(hroot);
		fileTree.put("EMD_version", version());
		for (String g : List.of("microscope", "sample", "user", "comments")) {
			if (hroot.child(g) instanceof Group grp) {
				fileTree.put(g, Trees.attributes(grp));
			}
		}
		if (hroot.resolve(SIM_PARAMS) instanceof Group sim) {
			fileTree.put("simulation_parameters", Trees.attributes(sim));
		}
	}

	static boolean isPrismatic(Group hroot) {
		return hroot.child(SIMULATION) instanceof Group;
	}

	Path file() {
		return file;
	}

	boolean prismatic() {
		return prismatic;
	}

	MetadataTree fileTree() {
		return fileTree;
	}

	/** @return "major.minor" from the root (HyperSpy: text or numbers) or Prismatic's group; "" if absent */
	String version() {
		for (Node n : List.of(hroot, hroot.child(SIMULATION) == null ? hroot : hroot.child(SIMULATION))) {
			Object major = n.attribute("version_major");
			Object minor = n.attribute("version_minor");
			if (major != null) {
				return number(major) + (minor != null ? "." + number(minor) : "");
			}
		}
		return "";
	}

	private static String number(Object o) {
		Double d = Attributes.asDouble(o);
		return d != null && d == Math.rint(d) ? Long.toString(d.longValue()) : Attributes.asString(o);
	}

	/**
	 * The depth axis of a Prismatic stack, as HyperSpy derives it: step numSlices x sliceThickness
	 * (ns x s), offset zStart (zs), or the step when zStart is 0 (the first output is after one step),
	 * in Å. If the stack does not cover the cell (tile[2] x cellDimension[0]) the depth is not uniform
	 * and the axis is left in indices, with a warning.
	 */
	Axis depthAxis(String name, int n, List<String> warnings) {
		MetadataTree sim = fileTree.child("simulation_parameters") instanceof MetadataTree t ? t : new MetadataTree();
		Double ns = Attributes.asDouble(sim.child("ns"));
		Double s = Attributes.asDouble(sim.child("s"));
		Double zs = Attributes.asDouble(sim.child("zs"));
		double[] tile = Attributes.asDoubles(sim.child("t"));
		double[] cell = Attributes.asDoubles(sim.child("c"));
		if (ns == null || s == null || tile == null || tile.length < 3 || cell == null || cell.length < 1) {
			warnings.add(name + ": no simulation parameters for the depth axis; left in indices");
			return Axis.index(name, n);
		}
		double scale = ns * s;
		double offset = zs == null || zs == 0 ? scale : zs;
		double total = tile[2] * cell[0];
		if (Math.abs(total - n * scale) > 1e-4 * Math.max(Math.abs(total), Math.abs(n * scale))) {
			warnings.add(name + ": depth axis is not uniform (" + n + " x " + scale + " Å != " + total + " Å); left in indices");
			return Axis.index(name, n);
		}
		return Axis.linear(name, "Å", n, scale, offset);
	}

	/** Sets the original and standard metadata of a signal read from this data group. */
	void describe(ArrayNode n, NcemDataGroup dg, List<String> warnings) {
		MetadataTree original = fileTree.copy();
		original.put("group", Trees.attributes(dg.group()));
		MetadataTree dims = original.branch("dims");
		for (int i = 0; i < dg.dims().size(); i++) {
			if (dg.group().child("dim" + (i + 1)) instanceof ArrayNode dn) {
				dims.put(dn.name(), Trees.attributes(dn));
			}
		}
		n.originalMetadata(original);
		MetadataMapping.Result r = MetadataMappings.forVendor("ncem", NcemMetadata.class).apply(original);
		MetadataTree std = Trees.withoutEmptyText(r.standard());
		r.warnings().forEach(w -> warnings.add(n.name() + ": " + w));
		std.set("general.title", n.title());
		std.set("general.original_filename", file.getFileName().toString());
		if (!std.has("acquisition.instrument.beam_energy") && original.at("microscope", "voltage") instanceof String v) {
			Matcher m = VOLTAGE.matcher(v);
			if (m.matches()) {
				double kv = Double.parseDouble(m.group(1)) * (m.group(2).equals("V") ? 1e-3 : 1);
				std.set("acquisition.instrument.beam_energy", new Quantity(kv, "kV"));
			} else if (!v.isBlank()) {
				warnings.add(n.name() + ": microscope voltage '" + v + "' is not a voltage; dropped");
			}
		}
		if (dg.group().path().contains("CBED") || dg.data().name().equals("datacube")) {
			std.set("signal.type", "diffraction");
		}
		n.metadata(std);
	}
}
