package org.ronchi.io.emd;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.hdf5.Hdf5File;

/**
 * The EMD 1.0 model of a file, for code that needs more than signals: the trees with their metadata
 * bundles, and PointListArray cells (variable-length records, which the core tree cannot hold as
 * numbers, are read here through jhdf).
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
	 *         first use (jhdf reads it only whole)
	 */
	public static EmdPointListArray.Cells cells(Path path, Hdf5File h, EmdPointListArray pla) {
		Object[][] all = new Object[1][];
		return (i, j) -> {
			synchronized (all) {
				if (all[0] == null) {
					try {
						all[0] = (Object[]) h.jhdf().getDatasetByPath(pla.data().path()).getData();
					} catch (RuntimeException e) {
						throw new EmdException(path, pla.data().path(), "cannot read PointListArray cells: " + e.getMessage());
					}
				}
			}
			Object cell = Array.get(all[0][i], j);
			Map<String, Object> out = new LinkedHashMap<>();
			if (cell instanceof Map<?, ?> m) {
				m.forEach((k, v) -> out.put(String.valueOf(k), v));
			}
			return out;
		};
	}
}
