package org.ronchi.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The service that knows every registered {@link Operation} (the implementation tracks Operation
 * services dynamically, so a bundle contributing one makes it appear here without any change to the
 * engine). Workflows and the CLI find operations by id through it.
 */
public interface OperationRegistry {

	/** @return every operation, sorted by id */
	List<Operation> operations();

	/** @return the operation with this id, or null */
	default Operation find(String id) {
		for (Operation o : operations()) {
			if (o.id().equals(id)) {
				return o;
			}
		}
		return null;
	}

	/**
	 * @return the operation with this id
	 * @throws ProcessingException naming the id and listing the known ones
	 */
	default Operation get(String id) {
		Operation o = find(id);
		if (o == null) {
			throw new ProcessingException(null, null, "unknown operation '" + id + "'; known operations: "
					+ String.join(", ", operations().stream().map(Operation::id).toList()));
		}
		return o;
	}

	/** @return a fixed registry of these operations (plain Java use: tests, tools outside OSGi) */
	static OperationRegistry of(Collection<? extends Operation> ops) {
		List<Operation> sorted = new ArrayList<>(ops);
		sorted.sort(Comparator.comparing(Operation::id));
		List<Operation> fixed = List.copyOf(sorted);
		return () -> fixed;
	}
}
