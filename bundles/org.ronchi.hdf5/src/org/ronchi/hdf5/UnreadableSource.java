package org.ronchi.hdf5;

import java.nio.file.Path;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.DType;

/**
 * The data of a dataset whose description cannot be read (datatype, dataspace or layout): listed so that
 * the rest of the file loads, with no shape, and every read fails with the reason.
 */
final class UnreadableSource implements ArraySource {
	private final Path file;
	private final String objectPath;
	private final String reason;

	UnreadableSource(Path file, String objectPath, String reason) {
		this.file = file;
		this.objectPath = objectPath;
		this.reason = reason;
	}

	@Override
	public DType dtype() {
		return DType.OTHER;
	}

	@Override
	public long[] shape() {
		return new long[0];
	}

	@Override
	public Dataset read(long[] start, int[] count) {
		throw new Hdf5Exception(file, objectPath, reason);
	}
}
