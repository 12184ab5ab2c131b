package org.ronchi.io.dm.image;

import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.model.Axis;

/**
 * How an image's dimensions become a signal's axes in HyperSpy's order, as RosettaSciIO lays them out:
 * <ol>
 * <li>DM lists dimensions fastest first (x, y, z); the array on disk is C order in the reverse order.</li>
 * <li>Signal axes: the last one for 1-D data and for 2-D spectra; otherwise the last two. The rest
 * navigate.</li>
 * <li>A spectrum image of more than two dimensions stores the spectrum as its slowest dimension; that
 * axis moves to the end, becoming the only signal axis (HyperSpy's {@code to_signal1D}).</li>
 * <li>Axes of size 1 are dropped ({@code squeeze}), keeping at least one.</li>
 * </ol>
 * Names: the spectral axis is "Energy loss" (EELS, eV), "Energy" (EDS, keV) or "Wavelength" (CL, nm);
 * the others x, y, z counted from the fastest, then "axis3", "axis4", ...
 *
 * @param diskShape the stored array's shape in C order
 * @param diskAxes for each presented axis, the stored axis it shows
 * @param axes the calibrated presented axes
 * @param kind what the signal is, for {@code ronchi info}
 */
public record SignalLayout(long[] diskShape, int[] diskAxes, List<Axis> axes, String kind) {

	public static SignalLayout of(DmImage image, SignalHints hints) {
		long[] dims = image.dims();
		int rank = dims.length;
		long[] disk = new long[rank];
		Calibration[] cal = new Calibration[rank];
		for (int i = 0; i < rank; i++) {
			disk[i] = dims[rank - 1 - i];
			cal[i] = image.calibration(rank - 1 - i);
		}
		String[] names = names(cal, hints.signalType());
		boolean[] navigate = new boolean[rank];
		int signalAxes = rank == 1 || (rank == 2 && hints.spectral()) ? 1 : 2;
		for (int i = 0; i < rank - signalAxes; i++) {
			navigate[i] = true;
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < rank; i++) {
			order.add(i);
		}
		if (rank > 2 && hints.spectrumImage()) {
			order.add(order.remove(0));
			for (int i = 0; i < rank; i++) {
				navigate[i] = i != 0;
			}
		}
		List<Integer> kept = new ArrayList<>();
		for (int i : order) {
			if (disk[i] != 1) {
				kept.add(i);
			}
		}
		if (kept.isEmpty()) {
			kept.add(order.get(rank - 1));
		}
		if (kept.stream().allMatch(i -> navigate[i])) {
			navigate[kept.get(kept.size() - 1)] = false; // a signal needs a signal axis
		}
		List<Axis> axes = new ArrayList<>();
		int[] diskAxes = new int[kept.size()];
		int nav = 0;
		for (int k = 0; k < kept.size(); k++) {
			int i = kept.get(k);
			diskAxes[k] = i;
			axes.add(Axis.linear(names[i], cal[i].units(), disk[i], cal[i].scale(), cal[i].offset()).withNavigate(navigate[i]));
			nav += navigate[i] ? 1 : 0;
		}
		return new SignalLayout(disk, diskAxes, List.copyOf(axes), kind(nav, kept.size() - nav, image.type(), hints));
	}

	private static String[] names(Calibration[] cal, String signalType) {
		int rank = cal.length;
		String[] names = new String[rank];
		String spectral = switch (signalType) {
		case "EELS" -> "eV";
		case "EDS_TEM", "EDS_SEM" -> "keV";
		case "CL" -> "nm";
		default -> null;
		};
		for (int i = 0; i < rank && spectral != null; i++) {
			if (cal[i].units().equals(spectral)) {
				names[i] = switch (signalType) {
				case "EELS" -> "Energy loss";
				case "CL" -> "Wavelength";
				default -> "Energy";
				};
				break;
			}
		}
		String[] spatial = { "x", "y", "z" };
		int n = 0;
		for (int i = rank - 1; i >= 0; i--) {
			if (names[i] == null) {
				names[i] = n < spatial.length ? spatial[n] : "axis" + n;
				n++;
			}
		}
		return names;
	}

	private static String kind(int nav, int sig, ImageDataType type, SignalHints hints) {
		if (sig == 1) {
			return nav == 0 ? "spectrum" : nav == 1 ? "line-scan" : "spectrum-image";
		}
		if (nav == 0) {
			return type.dtype().isComplex() ? "complex-image" : hints.diffraction() ? "diffraction" : "image";
		}
		return nav == 1 ? "image-stack" : "diffraction"; // 4D-STEM: a scan of diffraction patterns
	}

	/** @return the presented shape */
	public long[] shape() {
		long[] s = new long[diskAxes.length];
		for (int i = 0; i < s.length; i++) {
			s[i] = diskShape[diskAxes[i]];
		}
		return s;
	}

	/** @return true if the presented axes are the stored ones in stored order (only size-1 axes dropped) */
	public boolean inDiskOrder() {
		for (int i = 1; i < diskAxes.length; i++) {
			if (diskAxes[i] < diskAxes[i - 1]) {
				return false;
			}
		}
		return true;
	}
}
