package org.ronchi.processing.diffraction;

/**
 * Infinitesimal strain from reciprocal lattice vectors, in py4DSTEM's convention
 * ({@code get_strain_from_reference_g1g2}): with the reference rows {@code M = [[g1x, g1y], [g2x, g2y]]}
 * and the measured rows {@code alpha}, {@code beta = (M⁻¹ alpha)ᵀ} and
 * {@code e_xx = 1 - beta[0][0]}, {@code e_yy = 1 - beta[1][1]}, {@code e_xy = -(beta[0][1] + beta[1][0]) / 2},
 * {@code theta = (beta[0][1] - beta[1][0]) / 2} (radians). x and y are the detector's first and second
 * axes; a lattice expanded in real space has shorter g, so positive e is tension.
 * {@link #rotate} re-expresses the tensor in axes whose x points along a given direction
 * ({@code get_rotated_strain_map}).
 *
 * @param exx strain along x
 * @param eyy strain along y
 * @param exy shear (symmetrised)
 * @param theta rotation, radians
 */
public record Strain(double exx, double eyy, double exy, double theta) {

	public static final Strain NONE = new Strain(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

	/** @return the strain of the measured lattice against the reference */
	public static Strain of(Lattice measured, Lattice reference) {
		double a = reference.g1x();
		double b = reference.g1y();
		double c = reference.g2x();
		double d = reference.g2y();
		double det = a * d - b * c;
		if (Double.isNaN(measured.g1x()) || det == 0) {
			return NONE;
		}
		// T = M^-1 alpha, M = [[a, b], [c, d]], alpha = [[g1x, g1y], [g2x, g2y]]; beta = T^T
		double t00 = (d * measured.g1x() - b * measured.g2x()) / det;
		double t01 = (d * measured.g1y() - b * measured.g2y()) / det;
		double t10 = (-c * measured.g1x() + a * measured.g2x()) / det;
		double t11 = (-c * measured.g1y() + a * measured.g2y()) / det;
		double b00 = t00;
		double b01 = t10;
		double b10 = t01;
		double b11 = t11;
		return new Strain(1 - b00, 1 - b11, -(b01 + b10) / 2, (b01 - b10) / 2);
	}

	/**
	 * @param xaxisX diffraction-space x component of the new x axis
	 * @param xaxisY its y component
	 * @param flipTheta negate the rotation (a left-handed scan/detector pairing)
	 */
	public Strain rotate(double xaxisX, double xaxisY, boolean flipTheta) {
		double t = -Math.atan2(xaxisY, xaxisX);
		double c = Math.cos(t);
		double s = Math.sin(t);
		double xx = c * c * exx - 2 * c * s * exy + s * s * eyy;
		double xy = c * s * (exx - eyy) + (c * c - s * s) * exy;
		double yy = s * s * exx + 2 * c * s * exy + c * c * eyy;
		return new Strain(xx, yy, xy, flipTheta ? -theta : theta);
	}

	/** @return the reference lattice: the median of each component over the maps where mask is true */
	public static Lattice reference(Lattice[] map, boolean[] mask) {
		int n = 0;
		for (int i = 0; i < map.length; i++) {
			if ((mask == null || mask[i]) && !Double.isNaN(map[i].g1x())) {
				n++;
			}
		}
		if (n == 0) {
			throw new DiffractionException("strain reference", "no fitted lattice in the reference region");
		}
		double[][] v = new double[6][n];
		int j = 0;
		for (int i = 0; i < map.length; i++) {
			Lattice l = map[i];
			if ((mask == null || mask[i]) && !Double.isNaN(l.g1x())) {
				v[0][j] = l.x0();
				v[1][j] = l.y0();
				v[2][j] = l.g1x();
				v[3][j] = l.g1y();
				v[4][j] = l.g2x();
				v[5][j++] = l.g2y();
			}
		}
		return new Lattice(ProbeSize.median(v[0]), ProbeSize.median(v[1]), ProbeSize.median(v[2]), ProbeSize.median(v[3]),
				ProbeSize.median(v[4]), ProbeSize.median(v[5]), 0, n);
	}
}
