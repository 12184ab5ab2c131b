package org.ronchi.io.tia.internal;

import org.ronchi.core.io.FileBytes;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.io.tia.TiaException;
import org.ronchi.core.model.Axis;

/**
 * Turns the dimension array and the first data element into the array's shape and calibrated axes, in
 * HyperSpy order: navigation axes first (the dimension array reversed, so that its first, fastest
 * entry is last), then the element's axes. The rules follow what HyperSpy makes of the same files:
 * <ul>
 * <li>a dimension of size 1 is dropped for images (a single image is not a stack of one) but kept for
 * spectra (a point spectrum has shape {@code (1, channels)});</li>
 * <li>a one-dimensional series stopped early ({@code ValidNumberElements < TotalNumberElements}) is cut
 * to its valid elements; a map stopped early keeps its shape and reads missing elements as NaN/0;</li>
 * <li>lengths in metres become nm, reciprocal lengths 1/nm; the spectral axis is "Energy" in eV (TIA
 * does not store the spectral unit; every SER spectrum is EELS or EDS in eV).</li>
 * </ul>
 * Unlike HyperSpy, the navigation offsets honour {@code CalibrationElement} (coordinate of index i is
 * {@code offset + (i - element) * delta}); HyperSpy ignores it for navigation axes only.
 */
final class SerAxes {
	private final long[] navShape;
	private final List<Axis> axes;
	private final boolean spatialNavigation;

	private SerAxes(long[] navShape, List<Axis> axes, boolean spatialNavigation) {
		this.navShape = navShape;
		this.axes = axes;
		this.spatialNavigation = spatialNavigation;
	}

	long[] navShape() {
		return navShape.clone();
	}

	List<Axis> axes() {
		return axes;
	}

	/** @return true if the navigation axes are beam positions (a scan), not frame numbers */
	boolean spatialNavigation() {
		return spatialNavigation;
	}

	/** @return true if the element's axes are reciprocal lengths (a diffraction pattern) */
	boolean reciprocalSignal() {
		return axes.get(axes.size() - 1).units().equals(RECIPROCAL_NM);
	}

	static final String RECIPROCAL_NM = "1 / nm";

	static SerAxes of(FileBytes f, SerHeader h, SerDataElement first) {
		List<SerDimension> dims = h.dimensions();
		boolean spectra = h.isSpectra();
		List<Long> shape = new ArrayList<>();
		List<Axis> axes = new ArrayList<>();
		boolean spatial = false;
		if (dims.isEmpty()) {
			if (h.validElements() > 1) {
				shape.add((long) h.validElements());
				axes.add(Axis.index("index", h.validElements()).withNavigate(true));
			}
		} else if (dims.size() == 1) {
			SerDimension d = dims.get(0);
			boolean stopped = h.validElements() < h.totalElements();
			long n = stopped ? h.validElements() : d.size();
			if (n > h.totalElements()) {
				throw TiaException.at(f.path(), "SER dimension array entry 1", h.dimensionArrayOffset(), "size " + n + " exceeds the " + h.totalElements() + " elements of the series");
			}
			boolean keep = stopped ? n > 1 : spectra || n != 1;
			if (keep) {
				shape.add(n);
				axes.add(navAxis(d, n, "x"));
				spatial = isLength(d.units());
			}
		} else {
			long product = 1;
			for (SerDimension d : dims) {
				// sizes are below 2^31 and we stop once past the element count: no overflow
				product = product > h.totalElements() ? product : product * d.size();
			}
			if (product != h.totalElements()) {
				throw TiaException.at(f.path(), "SER dimension array", h.dimensionArrayOffset(),
						"dimension sizes multiply to " + product + " but the series holds " + h.totalElements() + " elements");
			}
			for (int i = dims.size() - 1; i >= 0; i--) {
				SerDimension d = dims.get(i);
				if (!spectra && d.size() == 1) {
					continue;
				}
				String name = null;
				if (isLength(d.units())) {
					spatial = true;
					// the fastest spatial dimension is x, the next y
					int rank = countLengthsBefore(dims, i);
					name = rank == 0 ? "x" : rank == 1 ? "y" : "position" + rank;
				}
				shape.add((long) d.size());
				axes.add(navAxis(d, d.size(), name));
			}
		}
		if (spectra) {
			axes.add(Axis.linear("Energy", "eV", first.sizeX(), first.calibrationDelta()[0],
					first.calibrationOffset()[0] - first.calibrationElement()[0] * first.calibrationDelta()[0]));
		} else {
			axes.add(imageAxis("y", first.sizeY(), first.calibrationOffset()[1], first.calibrationDelta()[1], first.calibrationElement()[1]));
			axes.add(imageAxis("x", first.sizeX(), first.calibrationOffset()[0], first.calibrationDelta()[0], first.calibrationElement()[0]));
		}
		long[] nav = shape.stream().mapToLong(Long::longValue).toArray();
		return new SerAxes(nav, List.copyOf(axes), spatial);
	}

	private static int countLengthsBefore(List<SerDimension> dims, int i) {
		int n = 0;
		for (int j = 0; j < i; j++) {
			if (isLength(dims.get(j).units())) {
				n++;
			}
		}
		return n;
	}

	private static boolean isLength(String units) {
		return units.equals("meters") || units.equals("m");
	}

	private static Axis navAxis(SerDimension d, long size, String spatialName) {
		String name = spatialName != null && isLength(d.units()) ? spatialName : d.description().isEmpty() ? "index" : d.description();
		double[] cal = toNm(d.units(), d.calibrationDelta(), d.origin());
		String units = unitsOf(d.units());
		return new Axis(name, units, size, cal[0], cal[1], null, true);
	}

	/**
	 * An image axis. SER stores no unit for images; a pixel in metres is always far below 1 and a pixel in
	 * reciprocal metres far above, so the magnitude tells real from reciprocal space.
	 */
	private static Axis imageAxis(String name, int size, double offset, double delta, int element) {
		String units = Math.abs(delta) >= 1 ? "1/meters" : "meters";
		double[] cal = toNm(units, delta, offset - element * delta);
		return Axis.linear(name, unitsOf(units), size, cal[0], cal[1]);
	}

	private static String unitsOf(String serUnits) {
		return switch (serUnits) {
		case "meters", "m" -> "nm";
		case "1/meters", "1/m" -> RECIPROCAL_NM;
		default -> serUnits;
		};
	}

	/** @return {scale, offset} converted from metres to nm or from 1/m to 1/nm */
	private static double[] toNm(String serUnits, double scale, double offset) {
		return switch (serUnits) {
		case "meters", "m" -> new double[] { scale * 1e9, offset * 1e9 };
		case "1/meters", "1/m" -> new double[] { scale / 1e9, offset / 1e9 };
		default -> new double[] { scale, offset };
		};
	}
}
