package org.ronchi.io.nexus.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.hspy.HyperSpyStorage;

/**
 * Writes signals as a NeXus file, one NXentry per signal ({@code entry1}, {@code entry2}... as HyperSpy's
 * NeXus writer numbers them): the NXdata ({@link NexusLayout}) named after the signal's title, the
 * entry's {@code title}, the standard metadata in NeXus classes ({@link NexusMetadata#write}), the
 * original metadata as an NXcollection {@code original_metadata}, and an NXprocess saying Ronchi
 * converted it from which file. {@code @default} leads from the root to the first signal.
 */
final class NexusWriter {
	private NexusWriter() {
	}

	static List<String> write(DataFile file, Path out) {
		List<ArrayNode> signals = file.signals().stream().filter(s -> s.dtype().isNumeric()).toList();
		if (signals.isEmpty()) {
			throw new InvalidRequestException(file.path(), "/", "has no numeric signal to write");
		}
		List<String> notes = new ArrayList<>();
		file.signals().stream().filter(s -> !s.dtype().isNumeric())
				.forEach(s -> notes.add(s.path() + ": " + s.dtype().numpyName() + " data is not written (NXdata holds numbers)"));
		String version = NexusLayout.ronchiVersion();
		Hdf5Writer.write(out, root -> {
			root.attribute(Nx.CLASS, Value.fixedStrings("NXroot")).attribute("file_name", out.getFileName().toString())
					.attribute("file_time", java.time.OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
					.attribute("creator", "Ronchi " + version).attribute("default", "entry1");
			for (int i = 0; i < signals.size(); i++) {
				ArrayNode s = HyperSpyStorage.atLeast1d(signals.get(i)); // HyperSpy's NeXus reader holds no 0-d signal either
				WGroup entry = NexusLayout.group(root, "entry" + (i + 1), Nx.ENTRY);
				Set<String> used = new HashSet<>(List.of("title", "start_time", "instrument", "sample", "user", "process", "original_metadata"));
				String name = NexusLayout.name(s.title(), "data", used);
				entry.attribute("default", name);
				entry.dataset("title", Value.string(s.title()));
				WGroup nxdata = NexusLayout.nxdata(entry, name, s, ForkJoinPool.commonPool());
				if (s.pointLists() != null) {
					NexusPointLists.write(nxdata, s.pointLists());
				}
				NexusMetadata.write(entry, s.metadata());
				WGroup process = NexusLayout.process(entry, version);
				process.dataset("description", Value.string("converted by ronchi convert --to nexus"));
				WGroup source = NexusLayout.group(process, "source", "NXnote");
				source.dataset("file_name", Value.string(file.path().toAbsolutePath().toString()));
				source.dataset("format", Value.string(file.format() + (file.formatVersion().isEmpty() ? "" : " " + file.formatVersion())));
				source.dataset("signal", Value.string(s.path()));
				if (!s.originalMetadata().isEmpty()) {
					NexusTree.write(s.originalMetadata(), NexusLayout.group(entry, "original_metadata", "NXcollection"), notes);
				}
			}
		});
		return notes;
	}
}
