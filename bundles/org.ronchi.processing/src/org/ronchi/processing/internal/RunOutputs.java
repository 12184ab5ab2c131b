package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.Params;
import org.ronchi.processing.Results;

/**
 * Every buffer of a run once its partitions are merged: what {@code Kernel.finish} sees (merged
 * buffers; NAV loaded on request; point lists read on request; RESULT allocated on request), and the
 * written ones as array nodes with calibrated axes, which is how results are handed to a store or
 * returned in memory.
 */
final class RunOutputs implements Results {
	private final Planner plan;
	private final BufferSet merged;
	private final NavStore nav;
	private final PointStore points;
	private final Map<String, Buffer> loaded = new LinkedHashMap<>();

	RunOutputs(Planner plan, BufferSet merged, NavStore nav, PointStore points) {
		this.plan = plan;
		this.merged = merged;
		this.nav = nav;
		this.points = points;
	}

	@Override
	public Buffer get(String name) {
		if (merged.has(name)) {
			return merged.get(name);
		}
		return loaded.computeIfAbsent(name, n -> {
			BufferSpec b = spec(n);
			if (b.kind() == BufferSpec.Kind.POINTS) {
				throw new IllegalArgumentException("buffer '" + n + "' holds point lists: use points(\"" + n + "\")");
			}
			return b.kind() == BufferSpec.Kind.NAV ? nav.load(n) : new Buffer(b, Shapes.toLong(b.shape()));
		});
	}

	@Override
	public ArraySource source(String name) {
		Buffer mem = loaded.get(name);
		return mem != null ? new BufferSource(mem) : nav.source(name);
	}

	@Override
	public PointListSource points(String name) {
		if (spec(name).kind() != BufferSpec.Kind.POINTS) {
			throw new IllegalArgumentException("buffer '" + name + "' is " + spec(name).kind() + ", not a point-list buffer");
		}
		return points.source(name);
	}

	private BufferSpec spec(String name) {
		for (BufferSpec b : plan.buffers()) {
			if (b.name().equals(name)) {
				return b;
			}
		}
		throw new IllegalArgumentException(plan.operation().id() + " has no buffer '" + name + "'");
	}

	private ArraySource source(BufferSpec b) {
		Buffer mem = merged.has(b.name()) ? merged.get(b.name()) : loaded.get(b.name());
		if (mem == null && b.kind() == BufferSpec.Kind.RESULT) {
			mem = get(b.name());
		}
		return mem != null ? new BufferSource(mem) : nav.source(b.name());
	}

	@Override
	public InputInfo input() {
		return plan.input();
	}

	@Override
	public Params params() {
		return plan.params();
	}

	/**
	 * @param test whether this is a one-position test run (its navigation axes are single pixels)
	 * @return every written buffer as an array node: lazy data, calibrated axes with navigation flags,
	 *         title, kind, quantity and units; a POINTS buffer as its record counts carrying its lists
	 */
	List<ArrayNode> arrays(boolean test) {
		List<ArrayNode> out = new ArrayList<>();
		for (BufferSpec b : plan.buffers()) {
			if (!b.written()) {
				continue;
			}
			ArrayNode a;
			if (b.kind() == BufferSpec.Kind.POINTS) {
				PointListSource lists = points.source(b.name());
				a = new ArrayNode(b.name(), lists.counts()).pointLists(lists);
			} else {
				a = new ArrayNode(b.name(), source(b));
			}
			List<Axis> axes = plan.axesOf(b);
			if (test && Planner.perPosition(b)) {
				for (int d = 0; d < plan.input().navRank(); d++) {
					axes.set(d, Axis.index(axes.get(d).name(), 1).withNavigate(true));
				}
			}
			a.axes(axes).title(b.title()).kind(b.arrayKind()).quantity(b.quantity(), b.units());
			out.add(a);
		}
		return out;
	}
}
