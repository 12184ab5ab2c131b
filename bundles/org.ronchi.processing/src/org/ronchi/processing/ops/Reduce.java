package org.ronchi.processing.ops;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;

/**
 * Sum, mean, maximum or minimum along any axes of any array ({@code np.sum(a, axis=...)} etc., in
 * float64). If no navigation axis is reduced, each frame reduces on its own into a NAV output; otherwise
 * the output is one array merged over partitions (each partition fills the positions it covers).
 */
@Component(service = Operation.class)
public class Reduce implements Operation {

	@Override
	public String id() {
		return "array.reduce";
	}

	@Override
	public String name() {
		return "Reduce along axes";
	}

	@Override
	public String description() {
		return "Sum, mean, maximum or minimum along any axes, as NumPy's reductions with axis=.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.integers("axes", "", null, "axes to reduce (0 = first; negative count from the end)"),
				Parameter.choice("method", "sum", "the reduction", "sum", "mean", "max", "min"));
	}

	@Override
	public InputSpec input() {
		return InputSpec.any();
	}

	@Override
	public Kernel prepare(Setup s) {
		InputInfo in = s.input();
		int rank = in.rank();
		boolean[] reduced = new boolean[rank];
		for (int a : s.params().integers("axes")) {
			int ax = a < 0 ? a + rank : a;
			if (ax < 0 || ax >= rank) {
				throw s.badParameter("axes", "values must be between " + (-rank) + " and " + (rank - 1) + " for this " + rank + "-D input, got " + a);
			}
			if (reduced[ax]) {
				throw s.badParameter("axes", "names axis " + ax + " twice");
			}
			reduced[ax] = true;
		}
		String method = s.params().string("method");
		int navRank = in.navRank();
		long[] shape = in.shape();
		boolean navReduced = false;
		long count = 1;
		List<Integer> keptNav = new ArrayList<>();
		List<Integer> keptSig = new ArrayList<>();
		for (int d = 0; d < rank; d++) {
			if (reduced[d]) {
				count *= shape[d];
				navReduced |= d < navRank;
			} else if (d < navRank) {
				keptNav.add(d);
			} else {
				keptSig.add(d);
			}
		}
		int[] sigOut = new int[keptSig.size()];
		List<Axis> sigAxes = new ArrayList<>();
		for (int i = 0; i < sigOut.length; i++) {
			sigOut[i] = (int) shape[keptSig.get(i)];
			sigAxes.add(in.axes().get(keptSig.get(i)).withNavigate(false));
		}
		int[] map = sigMap(in.sigShape(), navRank, reduced);
		BufferSpec.Merge merge = switch (method) {
		case "max" -> BufferSpec.Merge.MAX;
		case "min" -> BufferSpec.Merge.MIN;
		default -> BufferSpec.Merge.SUM;
		};
		int block = Math.toIntExact(Shapes.size(sigOut));
		if (!navReduced) {
			s.declare(BufferSpec.nav("data", DType.FLOAT64).perPosition(sigOut, sigAxes).merge(merge).quantity(in.quantity(), in.units())
					.title(method + " along " + java.util.Arrays.toString(s.params().integers("axes"))).arrayKind("array"));
			return new Along(method, map, block, null, null, "mean".equals(method) ? count : 1, true);
		}
		int[] outShape = new int[keptNav.size() + sigOut.length];
		List<Axis> axes = new ArrayList<>();
		int[] navKeep = new int[keptNav.size()];
		for (int i = 0; i < keptNav.size(); i++) {
			outShape[i] = (int) shape[keptNav.get(i)];
			navKeep[i] = keptNav.get(i);
			axes.add(in.axes().get(keptNav.get(i)).withNavigate(false));
		}
		System.arraycopy(sigOut, 0, outShape, keptNav.size(), sigOut.length);
		axes.addAll(sigAxes);
		s.declare(BufferSpec.single("data", DType.FLOAT64, outShape).shape(outShape, axes).merge(merge).quantity(in.quantity(), in.units())
				.title(method + " along " + java.util.Arrays.toString(s.params().integers("axes"))).arrayKind("array"));
		int[] navDims = new int[keptNav.size()];
		for (int i = 0; i < navDims.length; i++) {
			navDims[i] = outShape[i];
		}
		return new Along(method, map, block, navKeep, navDims, "mean".equals(method) ? count : 1, false);
	}

	/** @return for each frame element, its index in the kept signal block */
	private static int[] sigMap(int[] sig, int navRank, boolean[] reduced) {
		int n = Math.toIntExact(Shapes.size(sig));
		int[] map = new int[n];
		int[] idx = new int[sig.length];
		for (int i = 0; i < n; i++) {
			int o = 0;
			for (int d = 0; d < sig.length; d++) {
				if (!reduced[navRank + d]) {
					o = o * sig[d] + idx[d];
				}
			}
			map[i] = o;
			for (int d = sig.length - 1; d >= 0; d--) {
				if (++idx[d] < sig[d]) {
					break;
				}
				idx[d] = 0;
			}
		}
		return map;
	}

	private record Along(String method, int[] map, int block, int[] navKeep, int[] navDims, long divisor, boolean perFrame) implements Kernel {

		@Override
		public void processFrame(Frame f, BufferSet out) {
			double[] v = f.doubles();
			double[] dst = out.get("data").doubles();
			int base;
			if (perFrame) {
				base = f.index() * block;
			} else {
				long[] pos = f.position();
				int o = 0;
				for (int i = 0; i < navKeep.length; i++) {
					o = o * navDims[i] + (int) pos[navKeep[i]];
				}
				base = o * block;
			}
			switch (method) {
			case "max" -> {
				for (int i = 0; i < map.length; i++) {
					dst[base + map[i]] = Math.max(dst[base + map[i]], v[i]);
				}
			}
			case "min" -> {
				for (int i = 0; i < map.length; i++) {
					dst[base + map[i]] = Math.min(dst[base + map[i]], v[i]);
				}
			}
			default -> {
				for (int i = 0; i < map.length; i++) {
					dst[base + map[i]] += v[i];
				}
			}
			}
			if (perFrame && divisor != 1) {
				for (int i = 0; i < block; i++) {
					dst[base + i] /= divisor;
				}
			}
		}

		@Override
		public void finish(Results r) {
			if (!perFrame && divisor != 1) {
				double[] d = r.get("data").doubles();
				for (int i = 0; i < d.length; i++) {
					d[i] /= divisor;
				}
			}
		}
	}
}
