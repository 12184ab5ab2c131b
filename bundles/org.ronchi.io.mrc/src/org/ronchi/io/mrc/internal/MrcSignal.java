package org.ronchi.io.mrc.internal;

import org.ronchi.core.io.FileBytes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.io.mrc.MrcException;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;

/**
 * One MRC file as a signal. The header and extended header are read at open; the data block is only
 * checked to lie inside the file and is read lazily. Shape in HyperSpy order: sections (z, frames)
 * first, then rows (y) and columns (x); a single section is a 2-D image. A movie whose frames form a
 * scan (a Direct Electron sidecar, or the {@code navigation_shape} option) gets the scan's navigation
 * dimensions instead of one frame dimension.
 */
final class MrcSignal {
	private MrcSignal() {
	}

	/**
	 * What the loader found beside the file and in the options.
	 *
	 * @param navigation  the {@code navigation_shape} option (C order), or null
	 * @param de          the Direct Electron sidecar, or null
	 * @param coordinates the DE scan coordinates file, or null
	 * @param permute     show maps stored in another axis order as z, y, x
	 */
	record Layout(long[] navigation, DeInfo de, Path coordinates, boolean permute) {
	}

	static ArrayNode open(FileBytes f, String name, Layout layout, List<String> warnings) {
		MrcHeader h = MrcHeader.read(f);
		MrcMode mode = MrcMode.of(h.mode(), f.path());
		checkDataFits(f, h, mode);
		MetadataTree ext = MrcExtendedHeader.read(f, h, warnings);
		if (!h.validAxisOrder()) {
			warnings.add(name + ": mapc, mapr, maps = " + h.mapc() + ", " + h.mapr() + ", " + h.maps()
					+ " is not a permutation of 1, 2, 3; columns, rows, sections are taken as x, y, z");
		}
		MrcAxes cal = new MrcAxes(h, ext);
		DeScan scan = scanOf(f, h, layout, warnings);
		ArraySource source;
		List<Axis> axes = new ArrayList<>();
		String kind;
		String signalType = null;
		if (scan != null) {
			source = MrcData.frames(f, h, mode, scan.navShape(), scan.frameOf());
			axes.addAll(navAxes(scan, layout.de()));
			axes.addAll(DeAxes.signal(layout.de(), cal, h));
			boolean diffraction = layout.de() != null ? layout.de().diffracting() : scan.navShape().length >= 2;
			kind = diffraction ? "diffraction" : "image-stack";
			signalType = diffraction ? "diffraction" : "image";
		} else {
			int[] diskDim = viewOf(h, layout.permute());
			source = shown(MrcData.block(f, h, mode), diskDim);
			long[] shape = source.shape();
			for (int k = 0; k < diskDim.length; k++) {
				axes.add(cal.axis(diskDim[k], shape[k], k < diskDim.length - 2));
			}
			kind = diskDim.length == 2 ? "image" : h.ispg() >= 1 ? "volume" : "image-stack";
			if (layout.de() != null && diskDim.length == 3) {
				axes.set(0, DeAxes.time(layout.de(), h.nz()));
				List<Axis> sig = DeAxes.signal(layout.de(), cal, h);
				axes.set(axes.size() - 2, sig.get(0));
				axes.set(axes.size() - 1, sig.get(1));
				kind = "image-stack";
				signalType = layout.de().diffracting() ? "diffraction" : "image";
			}
		}
		if (mode.dtype().isComplex() && source.shape().length == 2) {
			kind = "complex-image";
		}
		ArrayNode node = new ArrayNode(name, source).axes(axes);
		node.title(name).kind(kind).quantity("Intensity", "");
		MetadataTree original = new MetadataTree().put("header", h.toTree());
		if (ext != null) {
			original.put("extended_header", ext);
		}
		if (layout.de() != null) {
			original.put("de_info", layout.de().tree());
		}
		if (scan != null) {
			original.put("scan_layout", scan.description());
		}
		node.originalMetadata(original);
		node.metadata(MrcMetadata.standard(original, name, f.path().getFileName().toString(), signalType, warnings));
		return node;
	}

	/**
	 * @return the block dimensions shown, in order: (sections, rows, columns) for a file in standard
	 *         order or when not permuting, else the dimensions holding z, y, x; without sections if nz = 1
	 */
	static int[] viewOf(MrcHeader h, boolean permute) {
		int[] dims = { 0, 1, 2 };
		if (permute && h.validAxisOrder()) {
			int[] diskOfPhysical = new int[3];
			diskOfPhysical[h.mapc() - 1] = 2;
			diskOfPhysical[h.mapr() - 1] = 1;
			diskOfPhysical[h.maps() - 1] = 0;
			dims = new int[] { diskOfPhysical[2], diskOfPhysical[1], diskOfPhysical[0] };
		}
		return h.nz() == 1 ? dropSections(dims) : dims;
	}

	/** @return the block (sections, rows, columns) showing block dimension diskDim[k] as axis k */
	private static ArraySource shown(ArraySource block, int[] diskDim) {
		if (diskDim.length == 2) { // a single section: its dimension is dropped
			return Views.permute(Views.fix(block, 0, 0), diskDim[0] - 1, diskDim[1] - 1);
		}
		return Views.permute(block, diskDim);
	}

	private static int[] dropSections(int[] dims) {
		int[] out = new int[2];
		int k = 0;
		for (int d : dims) {
			if (d != 0) {
				out[k++] = d;
			}
		}
		return out;
	}

	private static List<Axis> navAxes(DeScan scan, DeInfo de) {
		long[] nav = scan.navShape();
		List<Axis> out = new ArrayList<>();
		String[] names = DeAxes.scanNames(scan, de);
		for (int i = 0; i < nav.length; i++) {
			out.add(Axis.index(names[i], nav[i]).withNavigate(true));
		}
		return out;
	}

	/** @return the grid the frames form, or null to show them as the file stores them */
	private static DeScan scanOf(FileBytes f, MrcHeader h, Layout layout, List<String> warnings) {
		if (layout.navigation() != null) {
			checkFrames(f, layout.navigation(), h.nz());
			return new DeScan(layout.navigation().clone(), null, "navigation_shape option");
		}
		DeInfo de = layout.de();
		if (de == null || !de.scanning()) {
			return null;
		}
		if ("Raster".equalsIgnoreCase(de.text("Scan - Type", "Raster"))) {
			return DeScan.raster(de, h.nz(), warnings);
		}
		if (layout.coordinates() == null) {
			warnings.add("DE sidecar: a '" + de.text("Scan - Type", "") + "' scan needs its *coordinates.csv file, which is missing;"
					+ " the frames are shown as a stack");
			return null;
		}
		return DeScan.positions(layout.coordinates(), h.nz(), warnings);
	}

	/** The data block must lie inside the file before anything is allocated for it. */
	private static void checkDataFits(FileBytes f, MrcHeader h, MrcMode mode) {
		long room = f.size() - h.dataOffset();
		long row = mode.rowBytes(h.nx());
		if (room < 0 || row > room / h.ny() || (long) h.ny() * row > room / h.nz()) {
			throw MrcException.at(f.path(), "MRC data", h.dataOffset(), h.nz() + " sections of " + h.ny() + " x " + h.nx() + " "
					+ mode.dtype().numpyName() + " values do not fit in the file of " + f.size() + " bytes");
		}
	}

	/** @throws InvalidRequestException if a navigation shape does not multiply to the frame count */
	static void checkFrames(FileBytes f, long[] nav, long frames) {
		long n = 1;
		for (long d : nav) {
			if (d <= 0) {
				throw new InvalidRequestException(f.path(), "option navigation_shape", "sizes must be positive");
			}
			n = n > frames ? n : n * d;
		}
		if (n != frames) {
			throw new InvalidRequestException(f.path(), "option navigation_shape",
					"navigation shape multiplies to " + n + " but the file holds " + frames + " frames");
		}
	}
}
