package org.ronchi.processing;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The buffers a kernel writes (a partition's NAV positions and point lists, and the current grain's own
 * copies of SIG and SINGLE buffers), the SIG/SINGLE buffers of a run of grains being merged, or the
 * merged buffers of the whole run.
 */
public final class BufferSet {
	private final Map<String, Buffer> buffers = new LinkedHashMap<>();
	private final Map<String, PointBuffer> points = new LinkedHashMap<>();

	public BufferSet(Collection<Buffer> list) {
		this(list, List.of());
	}

	public BufferSet(Collection<Buffer> list, Collection<PointBuffer> pointLists) {
		for (Buffer b : list) {
			buffers.put(b.name(), b);
		}
		for (PointBuffer p : pointLists) {
			points.put(p.name(), p);
		}
	}

	/** @throws IllegalArgumentException if there is no such buffer */
	public Buffer get(String name) {
		Buffer b = buffers.get(name);
		if (b == null) {
			throw new IllegalArgumentException(points.containsKey(name) ? "buffer '" + name + "' holds point lists: use points(\"" + name + "\")"
					: "no buffer '" + name + "' (have " + buffers.keySet() + ")");
		}
		return b;
	}

	/**
	 * @return this partition's point lists of a {@link BufferSpec.Kind#POINTS} buffer
	 * @throws IllegalArgumentException if there is no such buffer
	 */
	public PointBuffer points(String name) {
		PointBuffer p = points.get(name);
		if (p == null) {
			throw new IllegalArgumentException("no POINTS buffer '" + name + "' (have " + points.keySet() + ")");
		}
		return p;
	}

	public boolean has(String name) {
		return buffers.containsKey(name);
	}

	public Collection<Buffer> all() {
		return Collections.unmodifiableCollection(buffers.values());
	}

	/** @return the point-list buffers */
	public Collection<PointBuffer> allPoints() {
		return Collections.unmodifiableCollection(points.values());
	}

	/**
	 * Merges another set's SIG and SINGLE buffers into this one by each buffer's {@link BufferSpec.Merge}
	 * rule; CUSTOM buffers are left to the kernel. This is what {@link Kernel#merge} does by default.
	 */
	public void mergeByRule(BufferSet part) {
		for (Buffer dst : buffers.values()) {
			BufferSpec s = dst.spec();
			if ((s.kind() != BufferSpec.Kind.SIG && s.kind() != BufferSpec.Kind.SINGLE) || s.merge() == BufferSpec.Merge.CUSTOM
					|| !part.has(s.name())) {
				continue;
			}
			combine(s.merge(), dst.array(), part.get(s.name()).array());
		}
	}

	private static void combine(BufferSpec.Merge m, Object dst, Object src) {
		switch (dst) {
		case float[] d -> {
			float[] s = (float[]) src;
			for (int i = 0; i < d.length; i++) {
				d[i] = m == BufferSpec.Merge.SUM ? d[i] + s[i] : m == BufferSpec.Merge.MAX ? Math.max(d[i], s[i]) : Math.min(d[i], s[i]);
			}
		}
		case double[] d -> {
			double[] s = (double[]) src;
			for (int i = 0; i < d.length; i++) {
				d[i] = m == BufferSpec.Merge.SUM ? d[i] + s[i] : m == BufferSpec.Merge.MAX ? Math.max(d[i], s[i]) : Math.min(d[i], s[i]);
			}
		}
		case long[] d -> {
			long[] s = (long[]) src;
			for (int i = 0; i < d.length; i++) {
				d[i] = m == BufferSpec.Merge.SUM ? d[i] + s[i] : m == BufferSpec.Merge.MAX ? Math.max(d[i], s[i]) : Math.min(d[i], s[i]);
			}
		}
		case int[] d -> {
			int[] s = (int[]) src;
			for (int i = 0; i < d.length; i++) {
				d[i] = m == BufferSpec.Merge.SUM ? d[i] + s[i] : m == BufferSpec.Merge.MAX ? Math.max(d[i], s[i]) : Math.min(d[i], s[i]);
			}
		}
		default -> throw new IllegalStateException("raw byte buffers cannot be merged by rule; declare them CUSTOM");
		}
	}
}
