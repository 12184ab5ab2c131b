package org.ronchi.io.hspy.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.hspy.HspyVersion;
import org.ronchi.io.hspy.HyperSpyStorage;
import org.ronchi.io.hspy.HyperSpyMetadata;

/**
 * Writes signals as a HyperSpy file: one {@code Experiments/<title>} group per signal with its data
 * (chunked as HyperSpy chunks, shuffle + deflate, streamed from the lazy source; point lists as a
 * ragged signal, {@link HspyRagged}), {@code axis-N} groups,
 * {@code metadata}, {@code original_metadata} and an empty {@code learning_results}.
 * <p>
 * A signal read from a HyperSpy file keeps what HyperSpy wrote: its metadata, original metadata and
 * decomposition groups are copied as stored, and when every signal comes from one such file the file
 * keeps its format version (and with it the group names and the upgrades HyperSpy applies on reading).
 * Any other signal gets HyperSpy metadata from its standard metadata ({@link HyperSpyMetadata}), its
 * title and signal type, and its original metadata as HyperSpy stores a dictionary ({@link HspyTree}).
 */
final class HspyWriter {
	/** Data larger than this is compressed on several threads. */
	private static final long PARALLEL_BYTES = 64L << 20;

	private HspyWriter() {
	}

	/** @return what could not be written, one line each */
	static List<String> write(DataFile file, Path out) {
		List<ArrayNode> signals = file.signals();
		if (signals.isEmpty()) {
			throw new org.ronchi.core.io.InvalidRequestException(file.path(), "/", "has no signal to write");
		}
		boolean fromHspy = signals.stream().allMatch(s -> HspyExperiment.of(s) != null);
		HspyVersion version = fromHspy ? HspyVersion.of(file.root()) : HspyVersion.WRITTEN;
		List<String> notes = new ArrayList<>();
		Hdf5Writer.write(out, root -> {
			root.attribute("file_format", "HyperSpy").attribute("file_format_version", version.toString());
			WGroup experiments = root.group("Experiments");
			Set<String> used = new HashSet<>();
			for (ArrayNode s : signals) {
				ArrayNode v = HyperSpyStorage.atLeast1d(s);
				signal(experiments, unique(groupName(v.title()), used), v, fromHspy ? version : HspyVersion.WRITTEN, notes);
			}
		});
		return notes;
	}

	/** HyperSpy names the group after the title, "__unnamed__" without one, with '/' replaced (#942). */
	static String groupName(String title) {
		return title == null || title.isEmpty() ? HspyExperiment.UNNAMED : title.replace("/", "-");
	}

	private static String unique(String name, Set<String> used) {
		String n = name;
		for (int i = 2; !used.add(n); i++) {
			n = name + " (" + i + ")";
		}
		return n;
	}

	private static void signal(WGroup experiments, String name, ArrayNode s, HspyVersion v, List<String> notes) {
		if (!s.dtype().isNumeric()) {
			notes.add(s.path() + ": " + s.dtype().numpyName() + " data is not written (HyperSpy signals hold numbers)");
			return;
		}
		Group source = HspyExperiment.of(s); // null for a 1-D view of a scalar: it came from no experiment group
		WGroup g = experiments.group(name);
		if (source != null) {
			for (String k : List.of("package", "package_version")) {
				if (source.attribute(k) instanceof String text) {
					g.attribute(k, text);
				}
			}
		}
		List<Axis> axes = s.axes();
		for (int i = 0; i < axes.size(); i++) {
			HspyAxes.write(g, i, axes.get(i), source == null ? null : source.child("axis-" + i), notes);
		}
		if (s.pointLists() != null) {
			HspyRagged.write(g, s.pointLists());
		} else {
			data(g, s);
		}
		String md = HspyExperiment.metadataGroup(v);
		String om = HspyExperiment.originalGroup(v);
		if (source != null) {
			copyOrEmpty(source, md, g, notes);
			copyOrEmpty(source, om, g, notes);
			copyOrEmpty(source, "learning_results", g, notes);
		} else {
			HspyTree.write(metadata(s), g.group(md), notes);
			HspyTree.write(s.originalMetadata(), g.group(om), notes);
			g.group("learning_results");
		}
	}

	private static void copyOrEmpty(Group source, String child, WGroup into, List<String> notes) {
		if (source.child(child) instanceof Group from) {
			HspyTree.copy(from, into.group(child), notes);
		} else {
			into.group(child);
		}
	}

	/** The data, chunked as HyperSpy chunks it (whole signals per chunk), shuffled and deflated as h5py's gzip does. */
	private static void data(WGroup g, ArrayNode s) {
		WDataset d = g.dataset("data", s.dtype(), s.shape(), HyperSpyStorage.storage(s));
		d.writeFrom(s.source(), s.size() * s.dtype().itemSize() > PARALLEL_BYTES ? ForkJoinPool.commonPool() : null);
	}

	/**
	 * The HyperSpy metadata of a signal from another format: the standard metadata in HyperSpy's keys,
	 * the title, the signal type and record_by as HyperSpy's writer adds it for older readers.
	 */
	static MetadataTree metadata(ArrayNode s) {
		MetadataTree m = HyperSpyMetadata.hyperspy(s.metadata());
		MetadataTree general = m.branch("General");
		general.put("title", s.title());
		MetadataTree signal = m.branch("Signal");
		if (signal.child("signal_type") == null) {
			signal.put("signal_type", "");
		}
		if (signal.child("quantity") == null && !s.quantity().isEmpty()) {
			signal.put("quantity", s.units().isEmpty() ? s.quantity() : s.quantity() + " (" + s.units() + ")");
		}
		long signalDims = s.axes().stream().filter(a -> !a.navigate()).count();
		signal.put("record_by", signalDims == 1 ? "spectrum" : signalDims == 2 ? "image" : "");
		return m;
	}
}
