package org.ronchi.io.velox.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5FormatLoader;

/**
 * Thermo Fisher Velox EMD files (HDF5, Velox versions 4 to 13): images and image stacks, FFTs and DPC
 * images as complex data, EDS spectra, EDS spectrum images decoded from their event streams, EELS
 * spectrum images. Signals come in RosettaSciIO's order, in HyperSpy's array order.
 * <p>
 * Options (RosettaSciIO's names, see {@link VeloxOptions}): {@code sum_frames}, {@code first_frame},
 * {@code last_frame}, {@code sum_EDS_detectors}, {@code rebin_energy}, {@code SI_dtype},
 * {@code load_SI_image_stack}, {@code select_type}, and {@code units} ("nm" or "compact").
 */
@Component(service = FileLoader.class)
public class VeloxLoader extends Hdf5FormatLoader {
	/** Data kinds that only Velox puts under /Data, each as /Data/&lt;kind&gt;/&lt;uuid&gt;/Data. */
	private static final Set<String> KINDS = Set.of("Image", "Spectrum", "SpectrumStream", "SpectrumImage", "EelsSpectrumImage");
	/** File-level groups Velox writes beside /Data. */
	private static final Set<String> BLOCKS = Set.of("Operations", "Presentation", "Displays", "SharedProperties", "Features");

	public VeloxLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "Velox EMD";
	}

	@Override
	public List<String> extensions() {
		return List.of("emd");
	}

	@Override
	public List<FormatOption> options() {
		return VeloxOptions.DESCRIPTION;
	}

	@Override
	public int probe(FileProbe probe) {
		try {
			Hdf5File h = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			return h != null && isVelox(h) ? SPECIFIC : 0;
		} catch (RuntimeException e) {
			return 0;
		}
	}

	/**
	 * A /Version block naming Velox; or, without one, the Velox layout: /Data/&lt;kind&gt;/&lt;uuid&gt;/Data
	 * beside Velox's file-level groups, and none of Berkeley EMD's {@code emd_group_type} attributes.
	 */
	static boolean isVelox(Hdf5File h) {
		Group root = h.tree();
		if (root.child("Version") instanceof ArrayNode v && v.dtype() == DType.STRING && v.size() <= 16) {
			return VersionBlock.isVelox(VeloxJson.text(v, h.path()));
		}
		if (root.attribute("version_major") != null || !(root.child("Data") instanceof Group data)) {
			return false;
		}
		boolean blocks = root.children().stream().anyMatch(n -> BLOCKS.contains(n.name()));
		boolean layout = false;
		for (Node kind : data.children()) {
			if (kind.attribute("emd_group_type") != null) {
				return false;
			}
			if (KINDS.contains(kind.name()) && kind instanceof Group k) {
				layout |= k.children().stream().anyMatch(u -> u instanceof Group g && g.child("Data") instanceof ArrayNode);
			}
		}
		return blocks && layout;
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		try {
			VeloxOptions o = VeloxOptions.parse(path, options);
			VeloxFile f = new VeloxFile(path, h, o, Files.size(path));
			List<ArrayNode> signals = VeloxSignals.read(f);
			Group root = Group.root();
			signals.forEach(root::add);
			DataFile df = new DataFile(path, name(), f.version > 0 ? String.valueOf(f.version) : "", root, h);
			signals.forEach(df::addSignal);
			f.blocks.entries().forEach(df.originalMetadata()::put);
			if (!signals.isEmpty()) {
				df.metadata().merge(fileLevel(signals.get(0).metadata(), f));
			} else {
				f.warn("no images, spectra or spectrum images in /Data");
			}
			f.warnings.forEach(df::warn);
			return df;
		} catch (RonchiException e) {
			h.close();
			throw e;
		} catch (IOException | RuntimeException e) {
			h.close();
			throw new VeloxException(path, null, "cannot be read as Velox EMD: " + e, e);
		}
	}

	/** The microscope settings all signals share: the first signal's, without what is its own. */
	private static MetadataTree fileLevel(MetadataTree first, VeloxFile f) {
		MetadataTree t = first.copy();
		t.put("signal", null);
		t.set("general.title", null);
		if (t.child("acquisition") instanceof MetadataTree a) {
			a.put("detector", null);
		}
		if (!f.elements.isEmpty()) {
			t.set("sample.elements", List.copyOf(f.elements));
		}
		return t;
	}
}
