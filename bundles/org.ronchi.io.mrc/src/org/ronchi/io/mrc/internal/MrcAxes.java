package org.ronchi.io.mrc.internal;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Attributes;

/**
 * Calibration of the block's dimensions from the header, in nm: the voxel size along physical axis X, Y
 * or Z is {@code cella / mx} (resp. my, mz) in ångström, divided by 10. The coordinate of the first
 * voxel is the header's {@code origin} when it is set (MRC2014), else {@code nxstart} (nystart,
 * nzstart) voxels, the CCP4 convention. Without a cell size, the FEI extended header's pixel size is
 * used for X and Y; without either, the axis is left in pixels.
 */
final class MrcAxes {
	private static final String[] NAMES = { "x", "y", "z" };

	private final MrcHeader h;
	private final MetadataTree fei;

	/** @param extended the extended header tree (for FEI pixel sizes), or null */
	MrcAxes(MrcHeader h, MetadataTree extended) {
		this.h = h;
		Object first = extended == null ? null : extended.at("frames", "0");
		this.fei = first instanceof MetadataTree t ? t : null;
	}

	/** @return the physical axis (0 = X, 1 = Y, 2 = Z) stored along block dimension d (0 = sections, 2 = columns) */
	int physicalAxis(int d) {
		if (!h.validAxisOrder()) {
			return 2 - d;
		}
		return (d == 2 ? h.mapc() : d == 1 ? h.mapr() : h.maps()) - 1;
	}

	/** @return the axis of block dimension d, named after its physical axis */
	Axis axis(int d, long size, boolean navigate) {
		int p = physicalAxis(d);
		double voxel = voxelNm(p);
		String units = Double.isNaN(voxel) ? "" : "nm";
		double scale = Double.isNaN(voxel) ? 1 : voxel;
		double offset;
		if (originSet()) {
			offset = h.origin()[p] / 10.0;
		} else {
			int start = d == 2 ? h.nxstart() : d == 1 ? h.nystart() : h.nzstart();
			offset = start * scale;
		}
		return new Axis(NAMES[p], units, size, scale, offset, null, navigate);
	}

	/** @return the voxel size in nm along physical axis p, or NaN if the file does not say */
	double voxelNm(int p) {
		int m = p == 0 ? h.mx() : p == 1 ? h.my() : h.mz();
		double cell = h.cella()[p];
		if (m > 0 && cell > 0 && Double.isFinite(cell)) {
			return cell / m / 10.0;
		}
		if (fei != null && p < 2) {
			Double px = Attributes.asDouble(fei.child(p == 0 ? "Pixel size X" : "Pixel size Y"));
			if (px != null && px > 0 && Double.isFinite(px)) {
				return px * 1e9;
			}
		}
		return Double.NaN;
	}

	private boolean originSet() {
		for (float o : h.origin()) {
			if (o != 0 && Float.isFinite(o)) {
				return true;
			}
		}
		return false;
	}
}
