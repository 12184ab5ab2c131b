package org.ronchi.core.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.UnknownFormatException;
import org.ronchi.core.model.DataFile;

/**
 * The loader registry: tracks every {@link FileLoader} service and opens a file with the loader whose
 * content probe scores highest. Ties go to the loader that claims the file's extension, then to the
 * higher {@code service.ranking}.
 */
@Component(service = LoaderRegistry.class, immediate = true)
public class LoaderRegistryImpl implements LoaderRegistry {

	private record Entry(FileLoader loader, int ranking) {
	}

	private final List<Entry> entries = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addLoader(FileLoader loader, Map<String, Object> props) {
		Object r = props.get("service.ranking");
		entries.add(new Entry(loader, r instanceof Integer i ? i : 0));
	}

	public void removeLoader(FileLoader loader) {
		entries.removeIf(e -> e.loader() == loader);
	}

	/** For use outside OSGi (plain unit tests): register a loader by hand. */
	public LoaderRegistryImpl register(FileLoader loader) {
		entries.add(new Entry(loader, 0));
		return this;
	}

	@Override
	public List<FileLoader> loaders() {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparingInt(Entry::ranking).reversed());
		return sorted.stream().map(Entry::loader).toList();
	}

	@Override
	public FileLoader select(Path path) {
		try (FileProbe probe = FileProbe.of(path)) {
			return select(probe);
		}
	}

	private FileLoader select(FileProbe probe) {
		FileLoader best = null;
		int bestScore = 0;
		boolean bestClaimsExt = false;
		int bestRanking = Integer.MIN_VALUE;
		for (Entry e : entries) {
			int score;
			try {
				score = e.loader().probe(probe);
			} catch (RuntimeException ex) {
				score = 0; // a probe must not throw on foreign content; treat it as "not mine"
			}
			if (score <= 0) {
				continue;
			}
			boolean claims = e.loader().extensions().contains(probe.extension());
			if (score > bestScore || (score == bestScore && claims && !bestClaimsExt)
					|| (score == bestScore && claims == bestClaimsExt && e.ranking() > bestRanking)) {
				best = e.loader();
				bestScore = score;
				bestClaimsExt = claims;
				bestRanking = e.ranking();
			}
		}
		if (best == null) {
			throw unknown(probe);
		}
		return best;
	}

	private UnknownFormatException unknown(FileProbe probe) {
		String ext = probe.extension();
		// the formats that use this extension, the generic container (lowest ranking) first
		List<String> claimants = entries.stream().filter(e -> !ext.isEmpty() && e.loader().extensions().contains(ext))
				.sorted(Comparator.comparingInt(Entry::ranking)).map(e -> e.loader().name()).distinct().toList();
		if (!claimants.isEmpty()) {
			String names = claimants.size() == 1 ? claimants.get(0)
					: String.join(", ", claimants.subList(0, claimants.size() - 1)) + " or " + claimants.get(claimants.size() - 1);
			return new UnknownFormatException(probe.path(),
					"is named ." + ext + " but its content is not " + names + " (starts with " + preview(probe.head()) + ")", null);
		}
		return new UnknownFormatException(probe.path(), "not a recognised data format (starts with " + preview(probe.head()) + ")",
				"known formats: " + String.join(", ", loaders().stream().map(FileLoader::name).toList()));
	}

	private static String preview(byte[] head) {
		int n = Math.min(8, head.length);
		StringBuilder sb = new StringBuilder("'");
		for (int i = 0; i < n; i++) {
			int c = head[i] & 0xff;
			sb.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
		}
		return sb.append("'").toString();
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		try (FileProbe probe = FileProbe.of(path)) {
			return select(probe).open(probe, options == null ? Map.of() : options);
		}
	}

	static String ascii(byte[] b) {
		return new String(b, StandardCharsets.ISO_8859_1);
	}
}
