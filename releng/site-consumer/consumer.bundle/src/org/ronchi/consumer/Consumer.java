package org.ronchi.consumer;

import java.nio.file.Path;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.Hdf5Loader;

/** Compiles only if the update site provides Ronchi's API bundles and their dependencies. */
public final class Consumer {
	private Consumer() {
	}

	public static long[] shapeOfFirstSignal(Path file) {
		try (DataFile f = new Hdf5Loader().open(file, Map.of())) {
			ArrayNode a = f.signals().get(0);
			return a.shape();
		}
	}
}
