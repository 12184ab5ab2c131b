package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.InputException;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.NavTransform;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Params;
import org.ronchi.processing.Plan;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.Setup;

/**
 * Validation and preparation of a run: splits the input into navigation and signal dimensions,
 * validates the parameters, calls {@link Operation#prepare} (the {@link Setup} it sees is this class)
 * and completes the buffer declarations (shapes, axes).
 */
public final class Planner implements Setup {
	private final Operation op;
	private final InputInfo input;
	private final Params params;
	private final List<BufferSpec> declared = new ArrayList<>();
	private NavTransform nav;
	private long workingPerFrame;
	private Kernel kernel;
	private int passes = 1;
	private NextPass next;

	private Planner(Operation op, InputInfo input, Params params) {
		this.op = op;
		this.input = input;
		this.params = params;
		this.nav = NavTransform.identity(input.navShape());
	}

	/**
	 * Validates and prepares.
	 *
	 * @throws org.ronchi.processing.ParameterException for a bad parameter
	 * @throws InputException if the input does not fit the operation
	 */
	public static Planner prepare(RunRequest r) {
		if (r.operation() == null || r.input() == null) {
			throw new IllegalArgumentException("a run needs an operation and an input");
		}
		Params p = Params.validate(r.operation().id(), r.operation().parameters(), r.params());
		Planner pl = new Planner(r.operation(), resolve(r), p);
		pl.kernel = r.operation().prepare(pl);
		if (pl.kernel == null) {
			throw new IllegalStateException(r.operation().id() + ": prepare returned no kernel");
		}
		if (pl.declared.isEmpty()) {
			throw new IllegalStateException(r.operation().id() + ": prepare declared no buffers");
		}
		for (BufferSpec b : pl.declared) {
			int[] in = b.passes();
			if (in != null && in.length > 0 && in[in.length - 1] >= pl.passes) {
				throw new IllegalStateException(r.operation().id() + ": buffer '" + b.name() + "' is filled in pass " + in[in.length - 1] + " of "
						+ pl.passes);
			}
		}
		return pl;
	}

	static InputInfo resolve(RunRequest r) {
		ArrayNode n = r.input();
		InputSpec spec = r.operation().input();
		String where = r.operation().id() + " on " + (r.sourceFile() == null ? "" : r.sourceFile().getFileName() + ":") + r.sourceDataset();
		DType t = n.dtype();
		if (!t.isNumeric() || t.isRgb()) {
			throw new InputException(r.sourceFile(), where, "cannot process " + t.numpyName() + " data");
		}
		if (t.isComplex() && !spec.complexAllowed()) {
			throw new InputException(r.sourceFile(), where, "needs real data, the input is " + t.numpyName());
		}
		if (spec.points() != (n.pointLists() != null)) {
			throw new InputException(r.sourceFile(), where, spec.points() ? "needs " + spec.describe() + "; the input is an array"
					: "needs an array; the input is point lists (" + n.pointLists().type() + ")");
		}
		long[] shape = n.shape();
		int rank = shape.length;
		List<Axis> axes = n.axes();
		if (spec.points()) {
			if (rank < spec.minNavRank() || rank > spec.maxNavRank()) {
				throw new InputException(r.sourceFile(), where, "needs " + spec.describe() + "; the input has a grid of " + Shapes.format(shape));
			}
			List<Axis> grid = new ArrayList<>();
			for (Axis a : axes) {
				grid.add(a.withNavigate(true));
			}
			return new InputInfo(r.sourceFile(), r.sourceDataset(), t, shape, rank, grid, n.units(), n.quantity(), n.pointLists().type());
		}
		int flagged = 0;
		boolean anyFlag = false;
		for (Axis a : axes) {
			anyFlag |= a.navigate();
		}
		while (flagged < rank && axes.get(flagged).navigate()) {
			flagged++;
		}
		int navRank;
		if (r.navRank() != null) {
			navRank = r.navRank();
		} else if (anyFlag) {
			navRank = flagged;
		} else if (spec.sigRank() > 0) {
			navRank = rank - spec.sigRank();
		} else {
			navRank = Math.max(0, rank - 2);
		}
		String dims = "navigation " + Shapes.format(java.util.Arrays.copyOf(shape, Math.max(0, Math.min(rank, navRank)))) + ", signal "
				+ Shapes.format(java.util.Arrays.copyOfRange(shape, Math.max(0, Math.min(rank, navRank)), rank));
		if (navRank < 0 || navRank > rank) {
			throw new InputException(r.sourceFile(), where, "needs " + spec.describe() + "; the input has shape " + Shapes.format(shape));
		}
		if (spec.sigRank() > 0 && rank - navRank != spec.sigRank()) {
			throw new InputException(r.sourceFile(), where, "needs " + spec.describe() + "; the input has " + dims);
		}
		if (navRank < spec.minNavRank() || navRank > spec.maxNavRank()) {
			throw new InputException(r.sourceFile(), where, "needs " + spec.describe() + "; the input has " + dims);
		}
		for (int d = navRank; d < rank; d++) {
			if (shape[d] == 0) {
				throw new InputException(r.sourceFile(), where, "empty frames: " + dims);
			}
		}
		if (Shapes.size(java.util.Arrays.copyOfRange(shape, navRank, rank)) > Integer.MAX_VALUE / 16) {
			throw new InputException(r.sourceFile(), where, "frames of " + dims + " are too large to process one at a time");
		}
		List<Axis> flaggedAxes = new ArrayList<>();
		for (int d = 0; d < rank; d++) {
			flaggedAxes.add(axes.get(d).withNavigate(d < navRank));
		}
		return new InputInfo(r.sourceFile(), r.sourceDataset(), t, shape, navRank, flaggedAxes, n.units(), n.quantity());
	}

	@Override
	public String operationId() {
		return op.id();
	}

	@Override
	public Params params() {
		return params;
	}

	@Override
	public InputInfo input() {
		return input;
	}

	@Override
	public BufferSpec declare(BufferSpec spec) {
		for (BufferSpec b : declared) {
			if (b.name().equals(spec.name())) {
				throw new IllegalArgumentException(op.id() + ": buffer '" + spec.name() + "' declared twice");
			}
		}
		BufferSpec s = spec;
		if (s.kind() == BufferSpec.Kind.POINTS && s.shape().length != 0) {
			throw new IllegalArgumentException(op.id() + ": point-list buffer '" + spec.name() + "' has a list per position, not a block");
		}
		if (s.kind() == BufferSpec.Kind.SIG && s.shape() == null) {
			s = s.shape(input.sigShape(), input.sigAxes());
		} else if (s.shape() == null) {
			throw new IllegalArgumentException(op.id() + ": buffer '" + spec.name() + "' needs a shape");
		}
		if ((s.kind() == BufferSpec.Kind.SIG || s.kind() == BufferSpec.Kind.SINGLE) && s.merge() != BufferSpec.Merge.CUSTOM
				&& org.ronchi.processing.Buffer.storage(s.dtype()) == byte[].class) {
			throw new IllegalArgumentException(op.id() + ": buffer '" + s.name() + "' of " + s.dtype() + " cannot be merged by rule");
		}
		declared.add(s);
		return s;
	}

	@Override
	public void navigation(NavTransform transform) {
		if (transform.rank() != input.navRank()) {
			throw new IllegalArgumentException(op.id() + ": navigation transform of rank " + transform.rank() + " for " + input.navRank()
					+ " navigation dimensions");
		}
		long[] in = input.navShape();
		for (int d = 0; d < in.length; d++) {
			if (transform.start()[d] < 0 || transform.count()[d] < 1 || transform.start()[d] + transform.count()[d] > in[d]
					|| transform.step()[d] < 1 || transform.bin()[d] < 1 || transform.padBefore()[d] < 0 || transform.padAfter()[d] < 0) {
				throw new IllegalArgumentException(op.id() + ": invalid navigation transform " + transform + " for " + Shapes.format(in));
			}
		}
		this.nav = transform;
	}

	@Override
	public NavTransform navigation() {
		return nav;
	}

	@Override
	public void passes(int count, NextPass builder) {
		if (count < 1 || count > 1 && builder == null) {
			throw new IllegalArgumentException(op.id() + ": " + count + " passes" + (builder == null ? " without a builder of the next pass" : ""));
		}
		this.passes = count;
		this.next = builder;
	}

	@Override
	public int passes() {
		return passes;
	}

	/** @return what builds the kernel of pass 1 and later (null for a single-pass run) */
	public NextPass next() {
		return next;
	}

	/** @return the buffers the partitions of this pass fill */
	public List<BufferSpec> buffersOf(int pass) {
		List<BufferSpec> out = new ArrayList<>();
		for (BufferSpec b : declared) {
			if (b.filledIn(pass)) {
				out.add(b);
			}
		}
		return out;
	}

	@Override
	public void workingBytesPerFrame(long bytes) {
		this.workingPerFrame = Math.max(0, bytes);
	}

	public Kernel kernel() {
		return kernel;
	}

	public long workingPerFrame() {
		return workingPerFrame;
	}

	public List<BufferSpec> buffers() {
		return List.copyOf(declared);
	}

	public Operation operation() {
		return op;
	}

	/** @return the shape of a buffer in the results (NAV: output navigation grid + block; POINTS: the grid) */
	public long[] shapeOf(BufferSpec b) {
		if (!perPosition(b)) {
			return Shapes.toLong(b.shape());
		}
		long[] navOut = nav.outShape();
		int[] block = b.shape();
		long[] s = java.util.Arrays.copyOf(navOut, navOut.length + block.length);
		for (int i = 0; i < block.length; i++) {
			s[navOut.length + i] = block[i];
		}
		return s;
	}

	/** @return whether the buffer has values (or a list) per output navigation position: NAV and POINTS */
	public static boolean perPosition(BufferSpec b) {
		return b.kind() == BufferSpec.Kind.NAV || b.kind() == BufferSpec.Kind.POINTS;
	}

	/** @return the calibrated axes of a buffer in the results */
	public List<Axis> axesOf(BufferSpec b) {
		List<Axis> out = new ArrayList<>();
		if (perPosition(b)) {
			out.addAll(nav.outAxes(input.navAxes()));
		}
		int[] s = b.shape();
		for (int i = 0; i < s.length; i++) {
			Axis a = b.axes() != null ? b.axes().get(i) : Axis.index("dim" + (out.size()), s[i]);
			out.add(a.withNavigate(false));
		}
		return out;
	}

	public Plan toPlan() {
		List<long[]> shapes = new ArrayList<>();
		List<List<Axis>> axes = new ArrayList<>();
		for (BufferSpec b : declared) {
			shapes.add(shapeOf(b));
			axes.add(List.copyOf(axesOf(b)));
		}
		return new Plan(op, input, params, buffers(), shapes, axes, nav, passes);
	}
}
