package org.ronchi.processing.diffraction.ops;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Results;
import org.ronchi.processing.Setup;
import org.ronchi.processing.diffraction.Lattice;
import org.ronchi.processing.diffraction.Strain;

/**
 * {@code stem4d.strain}: strain maps from the lattice vectors of {@code stem4d.lattice} against a
 * reference lattice, the median over a reference region (py4DSTEM's {@code get_reference_g1g2} and
 * {@code get_strain_from_reference_g1g2}, {@link Strain}), expressed in axes rotated so that x points
 * along a chosen direction ({@code get_rotated_strain_map}). Two passes: the reference region's
 * lattices, then the strain of every position.
 */
@Component(service = Operation.class)
public final class StrainOperation implements Operation {

	@Override
	public String id() {
		return "stem4d.strain";
	}

	@Override
	public String name() {
		return "Strain maps";
	}

	@Override
	public String description() {
		return "Infinitesimal strain e_xx, e_yy, e_xy and rotation theta of each position's lattice against the median lattice of a reference "
				+ "region (py4DSTEM's get_strain_from_reference_g1g2), in axes rotated by a chosen angle.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Regions.navMask("the reference region"),
				Parameter.integers("reference", "positions", null, "the reference region as start, stop per scan dimension; default all (or nav_mask)")
						.optional(),
				Parameter.number("rotation", "deg", 0.0, "the strain's x axis, counter-clockwise from the lattice's x (qx) axis"),
				Parameter.bool("flip_theta", false, "negate the rotation theta (a left-handed scan/detector pairing)"));
	}

	@Override
	public InputSpec input() {
		return new InputSpec(1, 1, 4, false);
	}

	@Override
	public Kernel prepare(Setup s) {
		if (s.input().frameSize() != 6) {
			throw new org.ronchi.processing.InputException(s.input().file(), s.input().where(),
					"needs the lattice of stem4d.lattice (x0, y0, g1x, g1y, g2x, g2y per position); the input has " + s.input().frameSize() + " values per position");
		}
		long[] nav = s.input().navShape();
		int positions = (int) s.input().frames();
		boolean[] reference = Regions.mask(s, "nav_mask");
		int[] box = s.params().integers("reference");
		if (box != null) {
			if (reference != null) {
				throw s.badParameter("reference", "give the reference region as nav_mask or as reference, not both");
			}
			if (box.length != 2 * nav.length) {
				throw s.badParameter("reference", "needs a start and a stop per scan dimension (" + 2 * nav.length + " values), got " + box.length);
			}
			reference = new boolean[positions];
			for (int i = 0; i < positions; i++) {
				int rem = i;
				boolean in = true;
				for (int d = nav.length - 1; d >= 0; d--) {
					int c = (int) (rem % nav[d]);
					rem /= (int) nav[d];
					in &= c >= box[2 * d] && c < box[2 * d + 1];
				}
				reference[i] = in;
			}
		}
		int[] row = new int[positions];
		int rows = 0;
		for (int i = 0; i < positions; i++) {
			row[i] = reference == null || reference[i] ? rows++ : -1;
		}
		if (rows == 0) {
			throw s.badParameter(box != null ? "reference" : "nav_mask", "selects no position");
		}
		double angle = Math.toRadians(s.params().number("rotation"));
		boolean flip = s.params().bool("flip_theta");
		s.declare(BufferSpec.single("reference_lattices", DType.FLOAT64, rows * 6).hidden().inPasses(0));
		s.declare(BufferSpec.result("reference", DType.FLOAT64).shape(new int[] { 6 }, List.of(Axis.index(String.join(", ", LatticeOperation.COMPONENTS), 6)))
				.units(s.input().units()).title("reference lattice (median over the reference region)"));
		String[] names = { "e_xx", "e_yy", "e_xy", "theta" };
		for (String n : names) {
			s.declare(BufferSpec.nav(n, DType.FLOAT64).units(n.equals("theta") ? "rad" : "").quantity(n.equals("theta") ? "Rotation" : "Strain",
					n.equals("theta") ? "rad" : "").title(n).arrayKind("strain").inPasses(1));
		}
		s.passes(2, (pass, prev) -> {
			double[] r = prev.get("reference").doubles();
			Lattice ref = new Lattice(r[0], r[1], r[2], r[3], r[4], r[5], 0, 0);
			return new Kernel() {
				@Override
				public void processFrame(Frame f, BufferSet out) {
					double[] v = f.doubles();
					Strain e = Strain.of(new Lattice(v[0], v[1], v[2], v[3], v[4], v[5], 0, 0), ref).rotate(Math.cos(angle), Math.sin(angle), flip);
					int i = f.index();
					out.get("e_xx").doubles()[i] = e.exx();
					out.get("e_yy").doubles()[i] = e.eyy();
					out.get("e_xy").doubles()[i] = e.exy();
					out.get("theta").doubles()[i] = e.theta();
				}
			};
		});
		int refRows = rows;
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				int r = row[Regions.flat(f, nav)];
				if (r >= 0) {
					System.arraycopy(f.doubles(), 0, out.get("reference_lattices").doubles(), 6 * r, 6); // rows are disjoint: summing places them
				}
			}

			@Override
			public void finish(Results res) {
				double[] all = res.get("reference_lattices").doubles();
				Lattice[] map = new Lattice[refRows];
				for (int i = 0; i < refRows; i++) {
					map[i] = new Lattice(all[6 * i], all[6 * i + 1], all[6 * i + 2], all[6 * i + 3], all[6 * i + 4], all[6 * i + 5], 0, 0);
				}
				Lattice ref = Strain.reference(map, null);
				System.arraycopy(new double[] { ref.x0(), ref.y0(), ref.g1x(), ref.g1y(), ref.g2x(), ref.g2y() }, 0, res.get("reference").doubles(), 0, 6);
			}
		};
	}
}
