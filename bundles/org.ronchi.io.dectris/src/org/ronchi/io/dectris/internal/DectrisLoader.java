package org.ronchi.io.dectris.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Scan;
import org.ronchi.core.lazy.ScanOptions;
import org.ronchi.core.metadata.MetadataMapping;
import org.ronchi.core.metadata.MetadataMappings;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5FormatLoader;

/**
 * Dectris Arina / EIGER acquisitions: the master file ({@code *_master.h5}, NeXus NXmx) whose
 * {@code /entry/data/data_NNNNNN} link the data files' frames (bitshuffle + LZ4 chunks, decoded by
 * {@code org.ronchi.hdf5}), shown as one 4D-STEM signal {@code (scan rows, scan columns, rows, columns)}
 * through {@link Scan}: the scan from the {@code STEM Metadata} sidecar ({@link Sidecar}) when there is
 * one, else a guess said as such; frames as stored (RosettaSciIO's orientation). The master's
 * {@code /entry} is the original metadata ({@link NexusFields}) beside the sidecar's attributes; the
 * standard metadata comes from {@code mappings/dectris.map}.
 * <p>
 * The probe claims a master (detectorSpecific beside data_NNNNNN blocks) with {@link #SPECIFIC}, above
 * the NeXus loader's score, which would otherwise see an NXdata whose signal is a link it cannot follow.
 */
@Component(service = FileLoader.class)
public class DectrisLoader extends Hdf5FormatLoader {
	static final String VENDOR = "dectris";

	public DectrisLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "Dectris Arina/EIGER";
	}

	@Override
	public List<String> extensions() {
		return List.of("h5");
	}

	@Override
	public List<FormatOption> options() {
		return ScanOptions.options(ScanOptions.Flip.NONE);
	}

	@Override
	public int probe(FileProbe probe) {
		try {
			Hdf5File h = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			return h != null && MasterFile.isDectris(h) ? SPECIFIC : 0;
		} catch (RuntimeException e) {
			return 0;
		}
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		DataFiles data = null;
		try {
			FormatOption.checkKnown(path, name(), options, options());
			ScanOptions o = ScanOptions.parse(path, options, ScanOptions.Flip.NONE);
			MasterFile m = MasterFile.read(h);
			List<String> warnings = new ArrayList<>();
			data = DataFiles.open(h, m);
			ArraySource frames = data.frames();
			long stored = frames.shape()[0];
			Long expected = m.expectedFrames();
			if (expected != null && expected != stored) {
				warnings.add("the master file announces " + expected + " frames (ntrigger " + m.triggers + " x nimages "
						+ (m.imagesPerTrigger == null ? 1 : m.imagesPerTrigger) + "), the data files hold " + stored);
			}
			Sidecar side = Sidecar.find(path, warnings);
			Scan.Shape shape = side != null ? side.scan() : null;
			if (shape == null && m.triggers != null && m.imagesPerTrigger != null && m.triggers > 1 && m.imagesPerTrigger > 1) {
				shape = Scan.Shape.guessed("ntrigger rows of nimages positions", m.triggers, m.imagesPerTrigger);
			}
			Scan scan = Scan.of(path, stored, o, shape);
			warnings.addAll(scan.warnings());

			String title = title(path);
			ArrayNode signal = new ArrayNode(title, scan.place(frames)).axes(axes(scan, frames.shape(), side));
			signal.title(title).kind("diffraction").quantity("Counts", "");
			MetadataTree original = original(h, m, side, scan);
			signal.originalMetadata(original);
			signal.metadata(standard(original, title, path, warnings));

			Group root = Group.root();
			root.add(signal);
			DataFiles opened = data;
			DataFile df = new DataFile(path, name(), "", root, () -> {
				opened.close();
				h.close();
			});
			df.addSignal(signal);
			df.metadata().merge(signal.metadata());
			df.originalMetadata().merge(original);
			warnings.forEach(df::warn);
			return df;
		} catch (RuntimeException e) {
			if (data != null) {
				data.close();
			}
			h.close();
			throw e;
		}
	}

	/** @return {@code name} for {@code name_master.h5} */
	private static String title(Path path) {
		String n = path.getFileName().toString();
		return n.endsWith("_master.h5") ? n.substring(0, n.length() - "_master.h5".length()) : n;
	}

	/** Scan axes in nm when the sidecar gives the step, detector axes in pixels. */
	private static List<Axis> axes(Scan scan, long[] frames, Sidecar side) {
		List<Axis> axes = new ArrayList<>();
		long[] nav = scan.navigation();
		String[] names = nav.length == 2 ? new String[] { "y", "x" } : nav.length == 1 ? new String[] { "frame" } : new String[0];
		Double step = side == null ? null : side.pixelSize();
		for (int d = 0; d < nav.length; d++) {
			Axis a = step != null && nav.length == 2 ? Axis.linear(names[d], "nm", nav[d], step, 0) : Axis.index(names[d], nav[d]);
			axes.add(a.withNavigate(true));
		}
		axes.add(Axis.index("qy", frames[1]));
		axes.add(Axis.index("qx", frames[2]));
		return axes;
	}

	private static MetadataTree original(Hdf5File h, MasterFile m, Sidecar side, Scan scan) {
		MetadataTree t = new MetadataTree();
		if (h.tree().child(MasterFile.ENTRY) instanceof Group entry) {
			t.put(MasterFile.ENTRY, NexusFields.read(entry));
		}
		MetadataTree blocks = new MetadataTree();
		for (MasterFile.Block b : m.blocks) {
			blocks.put(b.name(), b.file() == null ? b.path() : b.file() + ":" + b.path());
		}
		t.put("data_files", blocks);
		if (side != null) {
			t.put(Sidecar.GROUP, side.attributes);
		}
		t.put("scan", scan.toTree());
		return t;
	}

	private static MetadataTree standard(MetadataTree original, String title, Path path, List<String> warnings) {
		MetadataMapping.Result r = MetadataMappings.forVendor(VENDOR, DectrisLoader.class).apply(original);
		warnings.addAll(r.warnings());
		MetadataTree s = r.standard();
		s.set("general.title", title);
		s.set("general.original_filename", path.getFileName().toString());
		s.set("acquisition.instrument.acquisition_mode", "STEM");
		s.set("signal.type", "diffraction");
		return s;
	}
}
