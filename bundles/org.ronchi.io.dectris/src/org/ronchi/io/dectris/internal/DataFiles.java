package org.ronchi.io.dectris.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.io.dectris.DectrisException;

/**
 * The data files of an acquisition, opened, and their frames {@code (n, rows, columns)} as one stack in
 * the order of the master's blocks. Each block must be a 3-D dataset of the first block's type and frame
 * size; a block whose file is missing is one error naming it (never a shorter acquisition passed off as
 * whole). External links are resolved as libhdf5 does by default: relative to the master's folder.
 */
final class DataFiles implements AutoCloseable {
	private final List<Hdf5File> opened = new ArrayList<>();
	private final List<Path> paths = new ArrayList<>();
	private ArraySource frames;

	private DataFiles() {
	}

	/**
	 * @param master the opened master file (blocks stored in it are read from it; it is not closed here)
	 * @throws DectrisException naming the block whose file is missing or whose dataset does not fit
	 */
	static DataFiles open(Hdf5File master, MasterFile m) {
		DataFiles d = new DataFiles();
		try {
			List<ArraySource> parts = new ArrayList<>();
			ArrayNode first = null;
			for (MasterFile.Block b : m.blocks) {
				ArrayNode a = d.dataset(master, b);
				if (a.rank() != 3) {
					throw new DectrisException(master.path(), b.where(), "frames are stored as (n, rows, columns), this dataset is "
							+ Shapes.format(a.shape()));
				}
				if (first != null && (a.dtype() != first.dtype() || !Arrays.equals(a.shape(), 1, 3, first.shape(), 1, 3))) {
					throw new DectrisException(master.path(), b.where(), "holds " + a.dtype().numpyName() + " frames of "
							+ Shapes.format(Arrays.copyOfRange(a.shape(), 1, 3)) + ", the first block " + first.dtype().numpyName() + " frames of "
							+ Shapes.format(Arrays.copyOfRange(first.shape(), 1, 3)));
				}
				first = first == null ? a : first;
				parts.add(a.source());
			}
			d.frames = Views.concat(parts);
			return d;
		} catch (RuntimeException e) {
			d.close();
			throw e;
		}
	}

	private ArrayNode dataset(Hdf5File master, MasterFile.Block b) {
		Hdf5File h = master;
		if (b.file() != null) {
			Path p = master.path().resolveSibling(b.file());
			if (!Files.isRegularFile(p)) {
				throw new DectrisException(master.path(), b.where(), "the data file " + p.getFileName() + " is missing (looked for " + p + ")");
			}
			h = Hdf5File.open(p);
			opened.add(h);
			paths.add(p);
		}
		Node n = h.tree().resolve(b.path());
		if (!(n instanceof ArrayNode a)) {
			throw new DectrisException(h.path(), b.where(), n == null ? "the linked dataset is not in the data file" : "the link leads to a group, not frames");
		}
		return a;
	}

	/** @return every stored frame, {@code (n, rows, columns)}, in the master's order */
	ArraySource frames() {
		return frames;
	}

	/** @return the data files opened, in order */
	List<Path> paths() {
		return List.copyOf(paths);
	}

	@Override
	public void close() {
		opened.forEach(Hdf5File::close);
	}
}
