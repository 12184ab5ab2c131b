package org.ronchi.io.nexus.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5FormatLoader;

/**
 * NeXus files (DAWN's, Diamond's, HyperSpy's, nexusformat's): the signals HyperSpy's NeXus reader
 * finds, in its order. First every NXdata group ({@link NxData}), depth first by name, soft links
 * followed (a linked group is found under each of its names); then, unless {@code nxdata_only}, every
 * other numeric dataset of two or more elements, titled by its path, on the axes of its NXdata when it
 * has the signal's shape. With {@code use_default}, only the NXdata the {@code default} attributes lead
 * to from the root. The tree is the HDF5 file's own: whatever no NXdata holds stays reachable as plain HDF5.
 * <p>
 * Metadata of an NXdata signal: the original is its top-level group (the NXentry) as HyperSpy reads it
 * ({@link NexusTree}), or, in a file HyperSpy wrote, the original metadata it saved there; the standard
 * metadata comes from the NeXus classes in the entry ({@link NexusMetadata}).
 */
@Component(service = FileLoader.class)
public class NexusLoader extends Hdf5FormatLoader {
	/**
	 * Between {@link #GENERIC} and {@link #SPECIFIC}: NeXus is a convention other formats build on (a
	 * detector's own NeXus layout), whose loaders recognise their structures and win.
	 */
	static final int SCORE = 40;
	static final String NXDATA_ONLY = "nxdata_only";
	static final String USE_DEFAULT = "use_default";
	/** A dataset with fewer elements is a value, not a signal (HyperSpy's rule). */
	private static final long MIN_SIGNAL_SIZE = 2;

	public NexusLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "NeXus";
	}

	@Override
	public List<String> extensions() {
		return List.of("nxs", "nx5", "h5", "hdf5");
	}

	@Override
	public List<FormatOption> options() {
		return List.of(FormatOption.bool(NXDATA_ONLY, false, "only NXdata groups are signals, not the other datasets of two or more numbers"),
				FormatOption.bool(USE_DEFAULT, false, "only the NXdata the default attributes lead to from the root, when they lead to one"));
	}

	@Override
	public int probe(FileProbe probe) {
		try {
			Hdf5File h = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			return h != null && !nxData(h.tree()).isEmpty() ? SCORE : 0;
		} catch (RuntimeException e) {
			return 0;
		}
	}

	/** @return every NXdata group with a signal, depth first by name */
	static List<NxData> nxData(Group root) {
		List<NxData> out = new ArrayList<>();
		collect(root, out);
		return out;
	}

	private static void collect(Group g, List<NxData> out) {
		for (Node c : Nx.children(g)) {
			if (c instanceof Group sub) {
				if (Nx.is(sub, Nx.DATA)) {
					NxData d = NxData.of(sub);
					if (d != null) {
						out.add(d);
					}
				}
				collect(sub, out);
			}
		}
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		FormatOption.checkKnown(path, name(), options, options());
		try {
			Group root = h.tree();
			List<String> warnings = new ArrayList<>();
			List<NxData> groups = nxData(root);
			NxData chosen = bool(options.get(USE_DEFAULT)) ? byDefault(root, groups) : null;
			DataFile df = new DataFile(path, name(), Attributes.asString(root.attribute("NeXus_version")), root, h);
			Set<ArrayNode> signals = Collections.newSetFromMap(new IdentityHashMap<>());
			for (NxData d : chosen != null ? List.of(chosen) : groups) {
				ArrayNode s = d.describe(path, warnings);
				if (NexusPointLists.holds(d.group())) { // a point-list output Ronchi wrote: the counts carry the records
					s.pointLists(NexusPointLists.read(path, d.group(), s.shape())).kind(org.ronchi.core.lazy.PointListSource.KIND);
				}
				entryMetadata(path, root, s, warnings);
				signals.add(s);
				df.addSignal(s);
			}
			if (chosen == null && !bool(options.get(NXDATA_ONLY))) {
				plainDatasets(path, root, groups, signals, df, warnings);
			}
			if (!df.signals().isEmpty()) {
				df.metadata().merge(df.signals().get(0).metadata());
			}
			root.attributes().forEach((k, v) -> df.originalMetadata().put(k, v instanceof org.ronchi.core.model.Reference r ? r.toString() : v));
			warnings.forEach(df::warn);
			return df;
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}

	private static boolean bool(Object v) {
		return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(String.valueOf(v).strip());
	}

	/** Follows {@code @default} from the root: entry, then sub-entries or processes, to an NXdata (NeXus 2014). */
	static NxData byDefault(Group root, List<NxData> groups) {
		Node n = root;
		for (int depth = 0; depth < 8 && n instanceof Group g; depth++) {
			if (Nx.is(g, Nx.DATA)) {
				for (NxData d : groups) {
					if (d.group() == g) {
						return d;
					}
				}
				return null;
			}
			String next = Nx.text(g, "default");
			if (next == null) {
				return null;
			}
			n = g.child(next);
		}
		return null;
	}

	/** The standard and original metadata of an NXdata signal, from its top-level group. */
	private static void entryMetadata(Path file, Group root, ArrayNode s, List<String> warnings) {
		Group entry = topLevel(root, s);
		MetadataTree standard = entry == null ? new MetadataTree() : NexusMetadata.standard(entry, warnings);
		standard.set("general.title", s.title());
		standard.set("general.original_filename", file.getFileName().toString());
		if (!s.quantity().isEmpty()) {
			standard.set("signal.quantity", s.quantity());
		}
		if (!s.units().isEmpty()) {
			standard.set("signal.units", s.units());
		}
		MetadataTree original = new MetadataTree();
		if (entry != null) {
			boolean byHyperSpy = "hyperspy_nexus_v3".equals(Attributes.asString(root.attribute("file_writer")));
			original = byHyperSpy && entry.resolve("auxiliary/original_metadata") instanceof Group om ? NexusTree.read(om) : NexusTree.read(entry);
		}
		s.metadata(standard).originalMetadata(original);
	}

	private static Group topLevel(Group root, Node n) {
		Node cur = n;
		while (cur.parent() != null && cur.parent() != root) {
			cur = cur.parent();
		}
		return cur instanceof Group g && cur.parent() == root ? g : null;
	}

	/** HyperSpy's other signals: datasets of two or more numbers that are not an NXdata's signal. */
	private static void plainDatasets(Path file, Group root, List<NxData> groups, Set<ArrayNode> signals, DataFile df, List<String> warnings) {
		Map<Group, NxData> byGroup = new IdentityHashMap<>();
		groups.forEach(d -> byGroup.put(d.group(), d));
		List<ArrayNode> found = new ArrayList<>();
		datasets(root, found);
		for (ArrayNode a : found) {
			if (signals.contains(a) || a.size() < MIN_SIGNAL_SIZE || !a.dtype().isNumeric() || a.dtype() == DType.STRING) {
				continue;
			}
			NxData owner = byGroup.get(a.parent());
			List<Axis> axes;
			if (owner != null && java.util.Arrays.equals(a.shape(), owner.signal().shape())) {
				axes = owner.axes(a.shape(), warnings); // an auxiliary signal
			} else {
				axes = new ArrayList<>();
				for (long n : a.shape()) {
					axes.add(Axis.index("", n));
				}
			}
			String title = a.path().substring(1).replace('/', '_');
			a.axes(axes).title(title);
			a.quantity(Nx.text(a, "long_name"), Nx.text(a, "units"));
			MetadataTree standard = new MetadataTree();
			standard.set("general.title", title);
			standard.set("general.original_filename", file.getFileName().toString());
			MetadataTree original = new MetadataTree();
			a.attributes().forEach((k, v) -> original.put(k, v instanceof org.ronchi.core.model.Reference r ? r.toString() : v));
			a.metadata(standard).originalMetadata(original);
			df.addSignal(a);
		}
	}

	private static void datasets(Group g, List<ArrayNode> out) {
		for (Node c : Nx.children(g)) {
			if (c instanceof ArrayNode a) {
				out.add(a);
			} else if (c instanceof Group sub) {
				datasets(sub, out);
			}
		}
	}
}
