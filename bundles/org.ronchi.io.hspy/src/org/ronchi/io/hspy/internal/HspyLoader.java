package org.ronchi.io.hspy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5FormatLoader;
import org.ronchi.io.hspy.HspyVersion;

/**
 * HyperSpy's own files, {@code .hspy} and the older {@code .hdf5}, file versions 1.0 to 3.1: every
 * {@code Experiments/<title>} group holding {@code data} is a signal, in the order h5py lists them (by
 * name), described on its data node ({@link HspyExperiment}). The tree is the HDF5 file's own. No options.
 */
@Component(service = FileLoader.class)
public class HspyLoader extends Hdf5FormatLoader {

	public HspyLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "HyperSpy";
	}

	@Override
	public List<String> extensions() {
		return List.of("hspy", "hdf5");
	}

	@Override
	public int probe(FileProbe probe) {
		try {
			Hdf5File h = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			return h != null && isHyperSpy(h.tree()) ? SPECIFIC : 0;
		} catch (RuntimeException e) {
			return 0;
		}
	}

	/**
	 * HyperSpy writes {@code file_format = "HyperSpy"} on the root from version 1.2; a 1.0 file is known by an
	 * {@code Experiments} group holding a signal. (A NeXus file HyperSpy wrote says "nexus".)
	 */
	static boolean isHyperSpy(Group root) {
		String format = Attributes.asString(root.attribute("file_format"));
		if (format != null) {
			return format.equalsIgnoreCase("HyperSpy") && !HspyExperiment.experiments(root).isEmpty();
		}
		return !HspyExperiment.experiments(root).isEmpty();
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		try {
			Group root = h.tree();
			List<Group> experiments = HspyExperiment.experiments(root);
			if (experiments.isEmpty()) {
				throw new UnsupportedFormatException(path, "/Experiments", "no HyperSpy signal (a group holding a data dataset)");
			}
			HspyVersion v = HspyVersion.of(root);
			DataFile df = new DataFile(path, name(), v.toString(), root, h);
			List<String> warnings = new ArrayList<>();
			for (Group g : experiments) {
				df.addSignal(HspyExperiment.read(h, g, v, warnings));
			}
			df.metadata().merge(df.signals().get(0).metadata());
			root.attributes().forEach((k, x) -> {
				if (x != null) {
					df.originalMetadata().put(k, x);
				}
			});
			warnings.forEach(df::warn);
			return df;
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}
}
