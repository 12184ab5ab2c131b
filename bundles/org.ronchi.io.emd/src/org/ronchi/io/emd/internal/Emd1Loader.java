package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.ronchi.io.emd.EmdArray;
import org.ronchi.io.emd.EmdFiles;
import org.ronchi.io.emd.EmdMetadata;
import org.ronchi.io.emd.EmdNode;
import org.ronchi.io.emd.EmdPointList;
import org.ronchi.io.emd.EmdPointListArray;
import org.ronchi.io.emd.EmdTree;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5FormatLoader;

/**
 * EMD 1.0 files (emdfile, py4DSTEM 0.14+): the tree is the file's own; every Array is a signal (its
 * {@code data} dataset, axes from its dims, kind "emd-array"), every PointList too (a float64 table
 * {@code table} added to its group, kind "pointlist"), in tree order. PointListArrays are not signals
 * (variable-length cells): the {@code data} node of each carries its records as point lists
 * ({@link ArrayNode#pointLists()}). No options.
 */
@Component(service = FileLoader.class)
public class Emd1Loader extends Hdf5FormatLoader {
	static final String KIND_POINTLIST = org.ronchi.io.emd.EmdPointList.KIND;

	public Emd1Loader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "EMD 1.0";
	}

	@Override
	public List<String> extensions() {
		return List.of("emd", "h5");
	}

	@Override
	public int probe(FileProbe probe) {
		try {
			Hdf5File h = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			return h != null && EmdTree.isEmd1(h.tree()) ? SPECIFIC : 0;
		} catch (RuntimeException e) {
			return 0;
		}
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		try {
			Group root = h.tree();
			List<EmdNode> trees = EmdTree.read(path, root);
			DataFile df = new DataFile(path, name(), EmdTree.version(root), root, h);
			List<String> warnings = new ArrayList<>();
			Map<List<Long>, MetadataTree> shared = new HashMap<>();
			for (EmdNode tree : trees) {
				tree.walk(n -> {
					switch (n) {
					case EmdArray a -> df.addSignal(share(Emd1Signal.array(path, a, warnings), a, h, shared));
					case EmdPointList p -> df.addSignal(share(Emd1Signal.pointList(path, p, warnings), p, h, shared));
					case EmdPointListArray pla -> {
						// not a signal (no numbers to show as such); its data node carries the lists
						pla.cells(EmdFiles.cells(path, h, pla));
						pla.data().pointLists(pla.records());
						warnings.add(pla.group().path() + ": PointListArray of " + pla.shape()[0] + " x " + pla.shape()[1]
								+ " variable-length cells is not a signal; its data node carries the point lists");
					}
					default -> {
						// roots and plain nodes hold only metadata and children
					}
					}
				});
			}
			df.originalMetadata().merge(Trees.attributes(root));
			if (!df.signals().isEmpty()) {
				df.metadata().merge(df.signals().get(0).metadata());
			}
			warnings.forEach(df::warn);
			return df;
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}

	/**
	 * Gives s the metadata instance of an earlier signal whose bundle holds the same HDF5 objects (hard
	 * links to one Metadata group, as {@link org.ronchi.io.emd.Emd1Writer} writes a tree shared by
	 * several signals and py4DSTEM objects that share one Metadata): an edit then shows in both. The
	 * key is object header addresses, so equal but separate groups stay separate instances.
	 *
	 * @param seen the first signal's metadata per list of Metadata group addresses, updated
	 * @return s
	 */
	private static ArrayNode share(ArrayNode s, EmdNode node, Hdf5File h, Map<List<Long>, MetadataTree> seen) {
		List<Long> key = new ArrayList<>();
		String bundle = node.group().path() + "/" + EmdNode.BUNDLE + "/";
		try {
			for (EmdMetadata m : node.metadata()) {
				key.add(h.address(bundle + m.name()));
			}
		} catch (RuntimeException e) {
			return s; // tree() read these groups already; if they cannot be found now, keep the own copy
		}
		if (!key.isEmpty()) {
			MetadataTree first = seen.putIfAbsent(key, s.metadata());
			if (first != null) {
				s.metadata(first);
			}
		}
		return s;
	}
}
