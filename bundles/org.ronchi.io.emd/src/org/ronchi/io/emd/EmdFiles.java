package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.hdf5.Hdf5Exception;
import org.ronchi.hdf5.Hdf5File;

/**
 * The EMD 1.0 model of a file, for code that needs more than signals: the trees with their metadata
 * bundles, and PointListArray cells (variable-length records, which the core tree cannot hold as
 * numbers, are read here through {@link org.ronchi.hdf5.Hdf5Dataset#readRecordSequences()}).
 */
public final class EmdFiles {
	private EmdFiles() {
	}

	/** An opened EMD 1.0 file: close it when done. */
	public record Opened(Hdf5File hdf5, List<EmdNode> trees) implements AutoCloseable {
		@Override
		public void close() {
			hdf5.close();
		}
	}

	/** Opens an EMD 1.0 file read-only and reads its trees; PointListArray cells are readable. */
	public static Opened open(Path path) {
		Hdf5File h = Hdf5File.open(path);
		try {
			List<EmdNode> trees = EmdTree.read(path, h.tree());
			for (EmdNode t : trees) {
				t.walk(n -> {
					if (n instanceof EmdPointListArray pla) {
						pla.cells(cells(path, h, pla));
					}
				});
			}
			return new Opened(h, trees);
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}

	/**
	 * @return a reader of pla's cells in the opened file h; it reads the whole variable-length dataset on
	 *         first use (such data is read only whole)
	 */
	public static EmdPointListArray.Cells cells(Path path, Hdf5File h, EmdPointListArray pla) {
		List<List<Map<String, Object>>> all = new ArrayList<>(1);
		return (i, j) -> {
			synchronized (all) {
				if (all.isEmpty()) {
					try {
						all.add(h.dataset(pla.data().path()).readRecordSequences());
					} catch (Hdf5Exception e) {
						throw new EmdException(path, pla.data().path(), "cannot read PointListArray cells: " + e.problem());
					}
				}
			}
			return new LinkedHashMap<>(all.get(0).get((int) (i * pla.shape()[1] + j))); // pointList checked (i, j)
		};
	}
}
