package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.List;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.io.emd.internal.NcemGroups;

/**
 * Writes Berkeley/NCEM EMD 0.2 files as HyperSpy and ncempy write them: root attributes
 * {@code version_major = 0}, {@code version_minor = 2}; groups {@code microscope}, {@code sample},
 * {@code user}, {@code comments} (from an NCEM file's original metadata, or from the standard
 * metadata); each signal in {@code /signals/<title>} ({@code emd_group_type = 1}) as {@code data}
 * with its axes reversed (so that readers that reverse them, HyperSpy and Ronchi, get the signal's
 * order back) and dims {@code dim1..dimN} (linear axes as two coordinates, others in full; units
 * bracketed as HyperSpy writes them). Navigation flags and the depth axis of a Prismatic stack are
 * not part of EMD 0.2: the stack is written as one 5-D array.
 */
public final class NcemWriter {
	private NcemWriter() {
	}

	public static void write(DataFile file, Path out) {
		write(file.signals(), out);
	}

	public static void write(List<ArrayNode> signals, Path out) {
		Hdf5Writer.write(out, root -> NcemGroups.write(root, signals));
	}
}
