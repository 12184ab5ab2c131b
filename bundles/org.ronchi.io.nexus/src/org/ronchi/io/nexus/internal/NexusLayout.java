package org.ronchi.io.nexus.internal;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.hspy.HyperSpyStorage;

/**
 * What Ronchi writes into NeXus files (the convert writer and the results store): groups tagged with
 * their class as a fixed-length byte string ({@code np.string_}, which HyperSpy's NeXus reader
 * requires), and an NXdata per signal as DAWN and HyperSpy read it: {@code @signal = "data"},
 * {@code @axes} one name or "." per dimension, {@code @NAME_indices}, {@code @interpretation}
 * ("spectrum" or "image": which trailing dimensions are the signal), a coordinate field per calibrated
 * or named axis with {@code @units}, {@code @long_name}/{@code @units} on the data, which is chunked as
 * HyperSpy chunks it, shuffled, deflated and streamed from its lazy source.
 */
final class NexusLayout {
	/** Data larger than this is compressed on several threads. */
	static final long PARALLEL_BYTES = 64L << 20;

	private NexusLayout() {
	}

	/** @return a new child group tagged with its NeXus class */
	static WGroup group(WGroup parent, String name, String nxClass) {
		return parent.group(name).attribute(Nx.CLASS, Value.fixedStrings(nxClass));
	}

	/** @return a name for a group or field: '/' replaced (as HyperSpy does), never empty or taken */
	static String name(String wanted, String fallback, Set<String> used) {
		String base = wanted == null || wanted.isBlank() || wanted.equals(".") ? fallback : wanted.replace('/', '_');
		String n = base;
		for (int i = 2; !used.add(n); i++) {
			n = base + "_" + i;
		}
		return n;
	}

	/**
	 * Writes an NXdata holding s.
	 *
	 * @param executor threads for compressing large data, or null
	 */
	static WGroup nxdata(WGroup parent, String name, ArrayNode s, Executor executor) {
		WGroup g = group(parent, name, Nx.DATA);
		g.attribute("signal", "data");
		WDataset d = g.dataset("data", s.dtype(), s.shape(), HyperSpyStorage.storage(s));
		d.writeFrom(s.source(), s.size() * s.dtype().itemSize() > PARALLEL_BYTES ? executor : null);
		if (!s.quantity().isEmpty()) {
			d.attribute("long_name", s.quantity());
		}
		if (!s.units().isEmpty()) {
			d.attribute("units", s.units());
		}
		List<Axis> axes = s.axes();
		Set<String> used = new HashSet<>(List.of("data"));
		List<String> names = new ArrayList<>();
		int signalDims = 0;
		for (int i = 0; i < axes.size(); i++) {
			Axis a = axes.get(i);
			signalDims += a.navigate() ? 0 : 1;
			boolean calibrated = !a.name().isEmpty() || !a.units().isEmpty() || !a.isLinear() || a.scale() != 1 || a.offset() != 0;
			if (!calibrated) {
				names.add(".");
				continue;
			}
			String n = name(a.name(), "dim" + i, used);
			names.add(n);
			double[] v = new double[(int) a.size()];
			for (int k = 0; k < v.length; k++) {
				v[k] = a.coordinate(k);
			}
			WDataset field = g.dataset(n, v);
			if (!a.units().isEmpty()) {
				field.attribute("units", a.units());
			}
			g.attribute(n + "_indices", i);
		}
		g.attribute("axes", Value.fixedStrings(names.toArray(new String[0])));
		if (signalDims == 1 || signalDims == 2) {
			g.attribute("interpretation", signalDims == 1 ? "spectrum" : "image");
		}
		return g;
	}

	/**
	 * An NXprocess saying Ronchi made what the entry holds: {@code program}, {@code version},
	 * {@code date}; the caller adds what it did.
	 */
	static WGroup process(WGroup entry, String version) {
		WGroup p = group(entry, "process", "NXprocess");
		p.dataset("program", Value.string("Ronchi"));
		p.dataset("version", Value.string(version));
		p.dataset("date", Value.string(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString()));
		return p;
	}

	/** @return the version of the bundle, as the processing engine reports it in provenance */
	static String ronchiVersion() {
		try {
			org.osgi.framework.Bundle b = org.osgi.framework.FrameworkUtil.getBundle(NexusLayout.class);
			if (b != null) {
				return b.getVersion().toString();
			}
		} catch (NoClassDefFoundError | RuntimeException e) {
			// plain class path: no OSGi
		}
		return "0.1.0-dev";
	}
}
