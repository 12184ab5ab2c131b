package org.ronchi.processing.decomposition.ops;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DoubleDataset;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.Axis;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Setup;

/**
 * The input of a decomposition unfolded as HyperSpy unfolds it: one row per navigation position (C
 * order), one column per signal value. Knows the row of a frame and reads the masks.
 */
final class Unfolded {
	/** Any signal over 1 to 8 navigation dimensions, real values. */
	static final InputSpec INPUT = new InputSpec(0, 1, 8, false);

	final InputInfo input;
	final int rows;
	final int columns;
	private final long[] strides;

	Unfolded(InputInfo input) {
		this.input = input;
		this.rows = Math.toIntExact(input.frames());
		this.columns = input.frameSize();
		this.strides = Shapes.strides(input.navShape());
	}

	/** @return the row of a frame: its flat navigation position */
	int row(Frame f) {
		long[] p = f.position();
		long r = 0;
		for (int d = 0; d < p.length; d++) {
			r += p[d] * strides[d];
		}
		return (int) r;
	}

	/**
	 * @return a mask parameter (true = left out, HyperSpy's convention) as one flag per row or column,
	 *         null if not given
	 */
	static boolean[] mask(Setup s, String name, long[] shape) {
		DoubleDataset d = s.params().array(name);
		if (d == null) {
			return null;
		}
		if (!java.util.Arrays.equals(Shapes.toLong(d.getShapeRef()), shape) && d.getSize() != Shapes.size(shape)) {
			throw s.badParameter(name, "has shape " + java.util.Arrays.toString(d.getShapeRef()) + ", the data needs " + Shapes.format(shape));
		}
		double[] v = d.getData();
		boolean[] m = new boolean[v.length];
		for (int i = 0; i < v.length; i++) {
			m[i] = v[i] != 0;
		}
		return m;
	}

	/** @return the factor axes: a component index, then the input's signal axes */
	List<Axis> factorAxes(int k) {
		List<Axis> axes = new ArrayList<>();
		axes.add(Axis.index("component", k));
		axes.addAll(input.sigAxes());
		return axes;
	}

	/** @return the shape of k factors: (k, signal shape) */
	int[] factorShape(int k) {
		int[] sig = input.sigShape();
		int[] s = new int[sig.length + 1];
		s[0] = k;
		System.arraycopy(sig, 0, s, 1, sig.length);
		return s;
	}
}
