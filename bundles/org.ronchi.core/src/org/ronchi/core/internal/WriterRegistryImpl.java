package org.ronchi.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.WriterRegistry;

/**
 * The writer registry: tracks every {@link FileWriter} service as it comes and goes (dynamic,
 * multiple), so a bundle contributing a writer makes it available to {@code ronchi convert} without any
 * change to the CLI. Two services with one id: the higher {@code service.ranking} wins.
 */
@Component(service = WriterRegistry.class, immediate = true)
public class WriterRegistryImpl implements WriterRegistry {

	private record Entry(FileWriter writer, int ranking) {
	}

	private final List<Entry> entries = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addWriter(FileWriter writer, Map<String, Object> props) {
		Object r = props == null ? null : props.get("service.ranking");
		entries.add(new Entry(writer, r instanceof Integer i ? i : 0));
	}

	public void removeWriter(FileWriter writer) {
		entries.removeIf(e -> e.writer() == writer);
	}

	@Override
	public List<FileWriter> writers() {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing((Entry e) -> e.writer().id()).thenComparing(Comparator.comparingInt(Entry::ranking).reversed()));
		List<FileWriter> out = new ArrayList<>();
		String last = null;
		for (Entry e : sorted) {
			if (!e.writer().id().equals(last)) {
				out.add(e.writer());
				last = e.writer().id();
			}
		}
		return out;
	}
}
