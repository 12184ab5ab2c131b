package org.ronchi.hdf5;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;

/**
 * Plain HDF5: any HDF5 file opens as its tree, every dataset listed as an array with pixel axes. Format
 * loaders built on HDF5 (USID, EMD, Velox) probe higher and take their files; this one is the fallback.
 */
@Component(service = FileLoader.class, property = "service.ranking:Integer=-10")
public class Hdf5Loader extends Hdf5FormatLoader {

	@Override
	public String name() {
		return "HDF5";
	}

	@Override
	public List<String> extensions() {
		return List.of("h5", "hdf5", "hdf", "he5", "nxs", "emd", "hspy");
	}

	@Override
	public int probe(FileProbe probe) {
		return Superblock.findSignature(probe.head()) >= 0 ? GENERIC : 0;
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		try {
			Group root = h.tree();
			DataFile f = new DataFile(path, name(), h.formatVersion(), root, h);
			for (ArrayNode a : root.arrays()) {
				f.addSignal(a);
			}
			return f;
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}
}
