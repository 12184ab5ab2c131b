package org.ronchi.io.velox.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.hdf5.Hdf5Dataset;
import org.ronchi.hdf5.Hdf5Exception;
import org.ronchi.hdf5.Hdf5File;

/**
 * One opened Velox file while its signals are assembled: the HDF5 file, the version, the options, the
 * file-level JSON blocks ({@link FileBlocks}) with the names they give the data ({@link SignalTitles}),
 * and the warnings met on the way. The per-structure classes ({@link ImageGroup}, {@link SpectrumGroup},
 * {@link SpectrumStreamGroup}, {@link EelsSpectrumImageGroup}) read through it.
 */
final class VeloxFile {
	final Path path;
	final Hdf5File hdf;
	final int version;
	final VeloxOptions options;
	final MetadataTree blocks;
	final SignalTitles titles;
	final List<String> elements;
	final List<String> warnings = new ArrayList<>();
	private final long fileSize;

	VeloxFile(Path path, Hdf5File hdf, VeloxOptions options, long fileSize) {
		this.path = path;
		this.hdf = hdf;
		this.options = options;
		this.fileSize = fileSize;
		Group root = hdf.tree();
		this.version = VersionBlock.read(this, root);
		this.blocks = FileBlocks.read(this, root);
		this.titles = SignalTitles.of(blocks);
		this.elements = VeloxMetadata.elements(this);
	}

	/** Records a problem that did not stop the reading, once. */
	void warn(String warning) {
		if (!warnings.contains(warning)) {
			warnings.add(warning);
		}
	}

	/** @return the children of /Data/&lt;kind&gt; that are groups, sorted by name as h5py lists them */
	List<Group> dataGroups(String kind) {
		List<Group> out = new ArrayList<>();
		if (hdf.tree().resolve("/Data/" + kind) instanceof Group g) {
			for (Node n : g.children()) {
				if (n instanceof Group sub) {
					out.add(sub);
				}
			}
		}
		out.sort((a, b) -> a.name().compareTo(b.name()));
		return out;
	}

	/** @return the dataset below a data group, or throws naming what is missing */
	ArrayNode dataset(Group g, String name) {
		if (g.child(name) instanceof ArrayNode a) {
			return a;
		}
		throw new VeloxException(path, g.path(), "has no " + name + " dataset");
	}

	/**
	 * A JSON block, parsed; a block that is not valid JSON costs its keys, never the data, so it becomes
	 * an empty tree and a warning.
	 */
	MetadataTree json(ArrayNode node) {
		try {
			MetadataTree t = VeloxJson.parse(VeloxJson.text(node, path), path, node.path());
			return t == null ? new MetadataTree() : t;
		} catch (VeloxException e) {
			warn(e.getMessage() + "; its metadata is skipped");
			return new MetadataTree();
		}
	}

	/** @return frame 0 of a data group's per-frame {@code Metadata} JSON, as RosettaSciIO reads it */
	MetadataTree frameMetadata(Group g) {
		if (!(g.child("Metadata") instanceof ArrayNode m)) {
			warn(g.path() + " has no Metadata dataset: no calibration or microscope metadata for it");
			return new MetadataTree();
		}
		try {
			MetadataTree t = VeloxJson.parse(VeloxJson.column(m, stored(m), 0, path), path, m.path());
			return t == null ? new MetadataTree() : t;
		} catch (VeloxException e) {
			warn(e.getMessage() + "; its metadata is skipped");
			return new MetadataTree();
		}
	}

	/** @return a dataset as stored (chunks, filters, element type), for the readers that go below the core model */
	Hdf5Dataset stored(ArrayNode node) {
		try {
			return hdf.dataset(node.path());
		} catch (Hdf5Exception e) {
			throw new VeloxException(path, node.path(), "cannot read the dataset's description: " + e.problem(), e);
		}
	}

	/**
	 * Checks a data array's size against the file before anything is read: uncompressed data must fit in
	 * the file, compressed data in a thousand times it. A header forged to claim terabytes fails here
	 * instead of when the first read allocates them.
	 */
	void checkStored(ArrayNode data) {
		long bytes;
		try {
			bytes = Math.multiplyExact(data.size(), Math.max(1, data.dtype().itemSize()));
		} catch (ArithmeticException e) {
			bytes = Long.MAX_VALUE;
		}
		boolean filtered;
		try {
			filtered = stored(data).isFiltered();
		} catch (Hdf5Exception e) {
			throw new VeloxException(path, data.path(), "cannot read the dataset's filters: " + e.problem(), e);
		}
		long limit = filtered ? fileSize * 1000 : fileSize;
		if (bytes > limit) {
			throw new VeloxException(path, data.path(), "shape " + java.util.Arrays.toString(data.shape()) + " of "
					+ data.dtype().numpyName() + " claims " + bytes + " bytes, more than a file of " + fileSize + " bytes can hold");
		}
	}
}
