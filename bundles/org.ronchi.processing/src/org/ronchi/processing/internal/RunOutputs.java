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
	private int pass;
	private int building = -1;

	RunOutputs(Planner plan, BufferSet merged, NavStore nav, PointStore points) {
		this.plan = plan;
		this.merged = merged;
		this.nav = nav;
		this.points = points;
	}

	/**
	 * A new pass begins: NAV buffers it fills are dropped from memory (their stores change), merged
	 * SIG/SINGLE buffers it fills start again from their fill values.
	 */
	void startPass(int p) {
		pass = p;
		building = -1;
		for (BufferSpec b : plan.buffersOf(p)) {
			if (b.kind() == BufferSpec.Kind.NAV) {
				loaded.remove(b.name());
			} else if (merged.has(b.name())) {
				merged.get(b.name()).fill(b.fill());
			}
		}
	}

	/** The kernel of pass p is being built from these buffers (pass p - 1's): NAV and POINTS buffers p fills are off limits. */
	void building(int p) {
		pass = p - 1;
		building = p;
	}

	private void checkReadable(BufferSpec b) {
		if (building >= 0 && (b.kind() == BufferSpec.Kind.NAV || b.kind() == BufferSpec.Kind.POINTS) && b.filledIn(building)) {
			throw new IllegalStateException(plan.operation().id() + ": pass " + building + " fills buffer '" + b.name()
					+ "', so its kernel cannot be built from it (a resumed run may find it half overwritten); carry what it needs in a RESULT buffer");
		}
	}

	@Override
	public int pass() {
		return pass;
	}

	@Override
	public Buffer get(String name) {
		if (merged.has(name)) {
			return merged.get(name);
		}
		BufferSpec spec = spec(name);
		checkReadable(spec);
		return loaded.computeIfAbsent(name, n -> {
			if (spec.kind() == BufferSpec.Kind.POINTS) {
				throw new IllegalArgumentException("buffer '" + n + "' holds point lists: use points(\"" + n + "\")");
			}
			return spec.kind() == BufferSpec.Kind.NAV ? nav.load(n) : new Buffer(spec, Shapes.toLong(spec.shape()));
		});
	}

	/** @return the RESULT buffers filled so far (what a multi-pass run records between passes) */
	List<Buffer> results() {
		List<Buffer> out = new ArrayList<>();
		for (BufferSpec b : plan.buffers()) {
			if (b.kind() == BufferSpec.Kind.RESULT && loaded.containsKey(b.name())) {
				out.add(loaded.get(b.name()));
			}
		}
		return out;
	}

	/** @return the RESULT buffer of that name, allocated (for restoring a recorded one) */
	Buffer result(String name) {
		return get(name);
	}

	@Override
	public ArraySource source(String name) {
		checkReadable(spec(name));
		Buffer mem = loaded.get(name);
		return mem != null ? BufferBytes.source(mem) : nav.source(name);
	}

	@Override
	public PointListSource points(String name) {
		BufferSpec b = spec(name);
		if (b.kind() != BufferSpec.Kind.POINTS) {
			throw new IllegalArgumentException("buffer '" + name + "' is " + b.kind() + ", not a point-list buffer");
		}
		checkReadable(b);
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
		return mem != null ? BufferBytes.source(mem) : nav.source(b.name());
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
