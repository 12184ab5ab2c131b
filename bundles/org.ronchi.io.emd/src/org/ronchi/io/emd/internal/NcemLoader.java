package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.ronchi.io.emd.EmdTree;
import org.ronchi.io.emd.NcemDataGroup;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5FormatLoader;

/**
 * Berkeley/NCEM EMD 0.x files, including Prismatic simulations: one signal per data dataset of every
 * {@code emd_group_type = 1} group, in tree order, in HyperSpy's (RosettaSciIO's) order: axes reversed
 * except for 4D-STEM {@code datacube}s, and Prismatic's per-depth groups ({@code name_depth0000},
 * {@code name_depth0001}...) stacked along a leading depth axis. The signals sit at the top of the
 * tree, named after their titles, beside the file's own groups. No options.
 */
@Component(service = FileLoader.class)
public class NcemLoader extends Hdf5FormatLoader {

	public NcemLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "EMD";
	}

	@Override
	public List<String> extensions() {
		return List.of("emd", "h5");
	}

	@Override
	public int probe(FileProbe probe) {
		try {
			Hdf5File h = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			if (h == null || EmdTree.isEmd1(h.tree())) {
				return 0;
			}
			boolean[] found = new boolean[1];
			h.tree().walk(n -> found[0] |= NcemDataGroup.isDataGroup(n));
			return found[0] ? SPECIFIC : 0;
		} catch (RuntimeException e) {
			return 0;
		}
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		try {
			Group hroot = h.tree();
			List<String> warnings = new ArrayList<>();
			Map<String, List<NcemDataGroup>> stacks = stacks(path, hroot, warnings);
			if (stacks.isEmpty()) {
				throw new UnsupportedFormatException(path, "/", "no EMD data group (emd_group_type = 1 with a data dataset)");
			}
			NcemMetadata md = new NcemMetadata(path, hroot);
			Group root = Trees.adopt(hroot);
			DataFile df = new DataFile(path, name(), md.version(), root, h);
			for (List<NcemDataGroup> members : stacks.values()) {
				String name = Trees.unique(root, NcemSignal.title(members, md.prismatic()));
				df.addSignal(root.add(NcemSignal.build(name, members, md, warnings)));
			}
			df.metadata().merge(df.signals().get(0).metadata());
			df.originalMetadata().merge(md.fileTree());
			warnings.forEach(df::warn);
			return df;
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}

	/**
	 * Groups the data datasets into signals: Prismatic's depth groups of one output stack together
	 * (same name but the last 4 digits, same dataset name; not {@code ppotential}); all others alone.
	 */
	static Map<String, List<NcemDataGroup>> stacks(Path path, Group hroot, List<String> warnings) {
		boolean prismatic = NcemMetadata.isPrismatic(hroot);
		Map<String, List<NcemDataGroup>> out = new LinkedHashMap<>();
		hroot.walk(n -> {
			if (n instanceof Group g && NcemDataGroup.isDataGroup(g)) {
				for (ArrayNode data : NcemDataGroup.dataSets(g)) {
					NcemDataGroup dg = NcemDataGroup.read(path, g, data);
					warnings.addAll(dg.problems());
					String key = g.path() + "/" + data.name();
					if (prismatic && !g.path().contains("ppotential") && g.name().matches(".*\\d{4}")) {
						key = g.path().substring(0, g.path().length() - 4) + "/" + data.name();
					}
					out.computeIfAbsent(key, k -> new ArrayList<>()).add(dg);
				}
			}
		});
		return out;
	}
}
