package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.ronchi.processing.Operation;
import org.ronchi.processing.OperationRegistry;

/**
 * The operation registry: tracks every {@link Operation} service as it comes and goes (dynamic,
 * multiple), so operations contributed by any bundle are listed without the engine knowing them. Two
 * services with one id: the higher {@code service.ranking} wins.
 */
@Component(service = OperationRegistry.class, immediate = true)
public class OperationRegistryImpl implements OperationRegistry {

	private record Entry(Operation op, int ranking) {
	}

	private final List<Entry> entries = new CopyOnWriteArrayList<>();

	@Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
	public void addOperation(Operation op, Map<String, Object> props) {
		Object r = props == null ? null : props.get("service.ranking");
		entries.add(new Entry(op, r instanceof Integer i ? i : 0));
	}

	public void removeOperation(Operation op) {
		entries.removeIf(e -> e.op() == op);
	}

	@Override
	public List<Operation> operations() {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing((Entry e) -> e.op().id()).thenComparing(Comparator.comparingInt(Entry::ranking).reversed()));
		List<Operation> out = new ArrayList<>();
		String last = null;
		for (Entry e : sorted) {
			if (!e.op().id().equals(last)) {
				out.add(e.op());
				last = e.op().id();
			}
		}
		return out;
	}
}
