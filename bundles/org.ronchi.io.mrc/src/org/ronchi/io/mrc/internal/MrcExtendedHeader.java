package org.ronchi.io.mrc.internal;

import org.ronchi.core.io.FileBytes;

import java.util.List;

import org.ronchi.core.metadata.MetadataTree;

/**
 * The extended header between the main header and the data ({@code nsymbt} bytes), dispatched on
 * {@code exttyp}. FEI1/FEI2 records are decoded; CCP4 symmetry records are kept as text; any other type
 * (SERI, AGAR, MRCO, ...) is recorded by type and size only. Unlike an unknown mode, an unknown extended
 * header is not an error: the data's position does not depend on what it holds.
 */
final class MrcExtendedHeader {
	private MrcExtendedHeader() {
	}

	/** @return the extended header as a metadata tree, or null if there is none */
	static MetadataTree read(FileBytes f, MrcHeader h, List<String> warnings) {
		if (h.nsymbt() == 0) {
			return null;
		}
		MetadataTree t = new MetadataTree().put("exttyp", h.exttyp()).put("size", h.nsymbt());
		switch (h.exttyp()) {
		case "FEI1", "FEI2" -> t.merge(FeiExtendedHeader.read(f, MrcHeader.SIZE, h.nsymbt(), h.nz(), warnings));
		case "CCP4", "" -> t.put("symmetry_records", SymmetryRecords.read(f, MrcHeader.SIZE, h.nsymbt()));
		default -> {
			// SERI (SerialEM), AGAR, MRCO and others: documented elsewhere, not needed to read the data
		}
		}
		return t;
	}
}
