package org.ronchi.processing.stem4d;

import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DoubleDataset;
import org.osgi.service.component.annotations.Component;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.DType;
import org.ronchi.processing.Buffer;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;
import org.ronchi.processing.math.Select;

/**
 * A virtual diffraction pattern: the mean, sum, maximum or median of the patterns, optionally only
 * those where a real-space mask is non-zero (py4DSTEM's get_virtual_diffraction). Mean, sum and max
 * merge partition by partition. A median needs every selected value of a pixel at once: the selected
 * frames are kept as float32 in a hidden NAV buffer (a scratch file when there is a results file), and
 * finish reads it back one band of pixels at a time.
 */
@Component(service = Operation.class)
public class VirtualDiffraction implements Operation {
	private static final long BAND_BYTES = 32L << 20;

	@Override
	public String id() {
		return "stem4d.virtual-diffraction";
	}

	@Override
	public String name() {
		return "Virtual diffraction";
	}

	@Override
	public String description() {
		return "Mean, sum, maximum or median diffraction pattern over all scan positions or those selected by a real-space mask.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.choice("reduce", "mean", "how patterns combine", "mean", "sum", "max", "median"),
				Parameter.array("nav_mask", "positions to include: non-zero entries of an array of the scan's shape; default all").optional());
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		String reduce = s.params().string("reduce");
		double[] mask = navMask(s);
		int frame = s.input().frameSize();
		String units = s.input().units();
		BufferSpec pattern = BufferSpec.sig("pattern", DType.FLOAT64).quantity("Intensity", units).title(reduce + " diffraction pattern");
		switch (reduce) {
		case "max" -> s.declare(pattern.merge(BufferSpec.Merge.MAX));
		case "median" -> {
			s.declare(pattern.merge(BufferSpec.Merge.CUSTOM));
			s.declare(BufferSpec.nav("frames", DType.FLOAT32).perPosition(s.input().sigShape(), null).hidden());
		}
		default -> s.declare(pattern);
		}
		s.declare(BufferSpec.single("count", DType.INT64, 1).hidden());
		return new Reduce(reduce, mask, Shapes.toInt(s.input().navShape()), frame);
	}

	/** @return the mask flattened in C order, or null; checked to have the scan's shape */
	static double[] navMask(Setup s) {
		DoubleDataset m = s.params().array("nav_mask");
		if (m == null) {
			return null;
		}
		long[] nav = s.input().navShape();
		if (!java.util.Arrays.equals(Shapes.toLong(m.getShapeRef()), nav)) {
			throw s.badParameter("nav_mask", "must have the scan's shape " + Shapes.format(nav) + ", got " + Shapes.format(Shapes.toLong(m.getShapeRef())));
		}
		return m.getData();
	}

	/** @return the C-order index of a navigation position */
	static int flat(long[] pos, int[] nav) {
		long i = 0;
		for (int d = 0; d < nav.length; d++) {
			i = i * nav[d] + pos[d];
		}
		return (int) i;
	}

	private static final class Reduce implements Kernel {
		private final String reduce;
		private final double[] mask;
		private final int[] nav;
		private final int frame;

		Reduce(String reduce, double[] mask, int[] nav, int frame) {
			this.reduce = reduce;
			this.mask = mask;
			this.nav = nav;
			this.frame = frame;
		}

		@Override
		public void processFrame(Frame f, BufferSet out) {
			if (mask != null && mask[flat(f.position(), nav)] == 0) {
				return;
			}
			out.get("count").longs()[0]++;
			float[] v = f.floats();
			switch (reduce) {
			case "max" -> {
				double[] p = out.get("pattern").doubles();
				for (int i = 0; i < frame; i++) {
					p[i] = Math.max(p[i], v[i]);
				}
			}
			case "median" -> System.arraycopy(v, 0, out.get("frames").floats(), f.index() * frame, frame);
			default -> {
				double[] p = out.get("pattern").doubles();
				for (int i = 0; i < frame; i++) {
					p[i] += v[i];
				}
			}
			}
		}

		@Override
		public void finish(Results r) {
			long n = r.get("count").longs()[0];
			double[] p = r.get("pattern").doubles();
			if (n == 0) {
				java.util.Arrays.fill(p, Double.NaN); // as np.mean of nothing
				return;
			}
			switch (reduce) {
			case "mean" -> {
				for (int i = 0; i < p.length; i++) {
					p[i] /= n;
				}
			}
			case "median" -> median(r.source("frames"), p, (int) n);
			default -> {
			}
			}
		}

		/** Per-pixel median over the selected positions, reading bands of frame rows. */
		private void median(ArraySource frames, double[] out, int selected) {
			long[] shape = frames.shape();
			int navRank = nav.length;
			int ny = (int) shape[navRank];
			int nx = (int) shape[navRank + 1];
			long positions = Shapes.size(nav);
			int rows = (int) Math.max(1, Math.min(ny, BAND_BYTES / Math.max(1, positions * nx * 4)));
			double[] work = new double[selected];
			for (int y0 = 0; y0 < ny; y0 += rows) {
				int h = Math.min(rows, ny - y0);
				long[] start = new long[shape.length];
				int[] count = Shapes.toInt(shape);
				start[navRank] = y0;
				count[navRank] = h;
				Dataset band = frames.read(start, count);
				float[] b = ((org.eclipse.january.dataset.FloatDataset) band).getData();
				int plane = h * nx;
				for (int px = 0; px < plane; px++) {
					int k = 0;
					for (int pos = 0; pos < positions; pos++) {
						if (mask == null || mask[pos] != 0) {
							work[k++] = b[pos * plane + px];
						}
					}
					out[y0 * nx + px] = Select.median(work, k);
				}
			}
		}

		@Override
		public void merge(BufferSet merged, BufferSet part) {
			merged.mergeByRule(part);
		}
	}

}
