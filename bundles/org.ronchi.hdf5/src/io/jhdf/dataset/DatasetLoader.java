/*
 * This file is part of jHDF. A pure Java library for accessing HDF5 files.
 *
 * https://jhdf.io
 *
 * Copyright (c) 2026 James Mudd
 *
 * MIT License see 'LICENSE' file
 *
 * Patched copy for Ronchi (see org.ronchi.hdf5 package-info): jHDF 0.13.0 throws when a dataset cannot
 * be made from its object header (a datatype, dataspace or layout it cannot parse), and the group that
 * lists the dataset then fails as a whole, taking every sibling with it. This copy returns an
 * {@link UnreadableDataset} instead, which keeps the dataset's name and attributes and throws the reason
 * when its data or description is asked for. Shadowed ahead of the embedded jhdf jar by Bundle-ClassPath
 * order.
 */
package io.jhdf.dataset;

import io.jhdf.ObjectHeader;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.dataset.chunked.ChunkedDatasetV3;
import io.jhdf.dataset.chunked.ChunkedDatasetV4;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.message.DataLayoutMessage;
import io.jhdf.object.message.DataLayoutMessage.ChunkedDataLayoutMessage;
import io.jhdf.object.message.DataLayoutMessage.ChunkedDataLayoutMessageV4;
import io.jhdf.object.message.DataLayoutMessage.CompactDataLayoutMessage;
import io.jhdf.object.message.DataLayoutMessage.ContiguousDataLayoutMessage;
import io.jhdf.storage.HdfBackingStorage;

/** Makes the dataset for an object header, by its data layout. */
public final class DatasetLoader {

	private DatasetLoader() {
		throw new AssertionError("No instances of DatasetLoader");
	}

	public static Dataset createDataset(HdfBackingStorage hdfBackingStorage, ObjectHeader oh, String name, Group parent) {
		final long address = oh.getAddress();
		try {
			final DataLayoutMessage dlm = oh.getMessageOfType(DataLayoutMessage.class);
			if (dlm instanceof CompactDataLayoutMessage) {
				return new CompactDataset(hdfBackingStorage, address, name, parent, oh);
			} else if (dlm instanceof ContiguousDataLayoutMessage) {
				return new ContiguousDatasetImpl(hdfBackingStorage, address, name, parent, oh);
			} else if (dlm instanceof ChunkedDataLayoutMessage) {
				return new ChunkedDatasetV3(hdfBackingStorage, address, name, parent, oh);
			} else if (dlm instanceof ChunkedDataLayoutMessageV4) {
				return new ChunkedDatasetV4(hdfBackingStorage, address, name, parent, oh);
			} else {
				throw new HdfException("unsupported data layout");
			}
		} catch (Exception e) {
			String reason = e.getMessage() != null ? e.getMessage() : "damaged dataset description";
			return new UnreadableDataset(hdfBackingStorage, address, name, parent, reason);
		}
	}
}
