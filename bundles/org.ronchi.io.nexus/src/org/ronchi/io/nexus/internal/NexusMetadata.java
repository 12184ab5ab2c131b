package org.ronchi.io.nexus.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.hspy.HyperSpyMetadata;

/**
 * The standard metadata of an NXentry. NeXus names groups freely and types them by class, which a
 * mapping file (paths of names) cannot express, so the correspondence is here: {@code start_time} of the
 * entry, the first NXuser's {@code name}, NXinstrument's {@code name}, the first NXsource's
 * {@code voltage} (or its {@code energy} when its {@code probe} is electrons: keV of an electron = kV of
 * the gun), the first NXdetector's {@code local_name}/{@code description} or group name, NXsample's
 * {@code description} or {@code name}. A file HyperSpy wrote also carries HyperSpy's own metadata
 * ({@code auxiliary/hyperspy_metadata}), mapped as the .hspy loader maps it for what NeXus did not say.
 */
final class NexusMetadata {
	private NexusMetadata() {
	}

	static MetadataTree standard(Group entry, List<String> warnings) {
		MetadataTree s = new MetadataTree();
		text(entry.child("start_time")).ifPresent(t -> s.set("general.date_time", t));
		first(entry, "NXuser", g -> text(g.child("name")), t -> s.set("general.authors", t));
		first(entry, "NXinstrument", g -> text(g.child("name")), t -> s.set("acquisition.instrument.microscope", t));
		first(entry, "NXsource", g -> Optional.ofNullable(beamEnergy(g)), kv -> s.set("acquisition.instrument.beam_energy", kv));
		first(entry, "NXdetector", g -> text(g.child("local_name")).or(() -> text(g.child("description"))).or(() -> Optional.of(g.name())),
				t -> s.set("acquisition.detector.name", t));
		first(entry, "NXsample", g -> text(g.child("description")).or(() -> text(g.child("name"))), t -> s.set("sample.description", t));
		if (entry.resolve("auxiliary/hyperspy_metadata") instanceof Group hs) {
			var r = HyperSpyMetadata.standard(NexusTree.read(hs));
			warnings.addAll(r.warnings());
			MetadataTree fromHyperSpy = r.standard();
			fromHyperSpy.merge(s); // what NeXus says wins
			return fromHyperSpy;
		}
		return s;
	}

	/**
	 * Writes the standard metadata into an NXentry the way {@link #standard} reads it back:
	 * {@code start_time}, {@code instrument} (NXinstrument: {@code name}, an electron NXsource with
	 * {@code voltage} in kV, an NXdetector with {@code local_name}), {@code sample} (NXsample
	 * {@code description}), {@code user} (NXuser {@code name}).
	 */
	static void write(WGroup entry, MetadataTree standard) {
		text(standard, "general.date_time").ifPresent(t -> entry.dataset("start_time", Value.string(t)));
		Optional<String> microscope = text(standard, "acquisition.instrument.microscope");
		Object kv = standard.get("acquisition.instrument.beam_energy");
		Optional<String> detector = text(standard, "acquisition.detector.name");
		if (microscope.isPresent() || kv instanceof Quantity || detector.isPresent()) {
			WGroup instrument = NexusLayout.group(entry, "instrument", "NXinstrument");
			microscope.ifPresent(t -> instrument.dataset("name", Value.string(t)));
			if (kv instanceof Quantity q) {
				WGroup source = NexusLayout.group(instrument, "source", "NXsource");
				source.dataset("probe", Value.string("electron"));
				source.dataset("voltage", q.value()).attribute("units", q.unit());
			}
			detector.ifPresent(t -> NexusLayout.group(instrument, "detector", "NXdetector").dataset("local_name", Value.string(t)));
		}
		text(standard, "sample.description").ifPresent(t -> NexusLayout.group(entry, "sample", "NXsample").dataset("description", Value.string(t)));
		text(standard, "general.authors").ifPresent(t -> NexusLayout.group(entry, "user", "NXuser").dataset("name", Value.string(t)));
	}

	private static Optional<String> text(MetadataTree t, String key) {
		Object v = t.get(key);
		return v == null ? Optional.empty() : Optional.of(Attributes.asString(v)).filter(s -> !s.isBlank());
	}

	/** An NXsource's accelerating voltage in kV: {@code voltage}, or {@code energy} of an electron source. */
	private static Quantity beamEnergy(Group source) {
		Quantity v = quantity(source.child("voltage"));
		if (v != null) {
			double f = switch (v.unit().strip()) {
			case "V" -> 1e-3;
			case "kV" -> 1;
			case "MV" -> 1e3;
			default -> Double.NaN;
			};
			return Double.isNaN(f) ? null : new Quantity(v.value() * f, "kV");
		}
		String probe = text(source.child("probe")).orElse("").toLowerCase(Locale.ROOT);
		Quantity e = quantity(source.child("energy"));
		if (e != null && probe.contains("electron")) {
			double f = switch (e.unit().strip()) {
			case "eV" -> 1e-3;
			case "keV" -> 1;
			case "MeV" -> 1e3;
			default -> Double.NaN;
			};
			return Double.isNaN(f) ? null : new Quantity(e.value() * f, "kV");
		}
		return null;
	}

	/** Gives set the first value read finds in a group of this class below g, depth first by name, not entering NXdata groups. */
	private static <T> void first(Group g, String nxClass, Function<Group, Optional<T>> read, Consumer<T> set) {
		for (Node c : Nx.children(g)) {
			if (c instanceof Group sub && !Nx.is(sub, Nx.DATA)) {
				Optional<T> v = Nx.is(sub, nxClass) ? read.apply(sub) : Optional.empty();
				if (v.isPresent()) {
					set.accept(v.get());
					return;
				}
				boolean[] found = new boolean[1];
				first(sub, nxClass, read, x -> {
					set.accept(x);
					found[0] = true;
				});
				if (found[0]) {
					return;
				}
			}
		}
	}

	private static Optional<String> text(Node field) {
		Object v = scalar(field);
		String s = v == null ? null : Attributes.asString(v);
		return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
	}

	private static Quantity quantity(Node field) {
		Double d = Attributes.asDouble(scalar(field));
		String units = field == null ? null : Nx.text(field, "units");
		return d == null || d.isNaN() || units == null ? null : new Quantity(d, units);
	}

	/** @return a one-element field's value, or null */
	private static Object scalar(Node field) {
		if (!(field instanceof ArrayNode a) || a.size() != 1 || a.dtype().januaryClass() == null) {
			return null;
		}
		Dataset d = a.source().read(new long[a.rank()], org.ronchi.core.lazy.Shapes.toInt(a.shape()));
		return d.getObjectAbs(0);
	}
}
