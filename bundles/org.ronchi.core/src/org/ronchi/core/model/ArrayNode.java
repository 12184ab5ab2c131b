package org.ronchi.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.january.dataset.ILazyDataset;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.LazyArrays;
import org.ronchi.core.lazy.PointListSource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.metadata.MetadataTree;

/**
 * An n-dimensional array in a file's tree: lazy data, one {@link Axis} per dimension (C order), the
 * quantity and units of its values, a {@link #kind()} saying what model it follows, and two metadata
 * trees: the standard one and the vendor's original, verbatim. A "signal" in HyperSpy's sense is an
 * ArrayNode whose navigation axes come first.
 * <p>
 * Two hooks let a loader (or the engine) attach what the stored array means when that is more than its
 * numbers, so that consumers need no format code: {@link #ndimForm()} (an array stored folded, e.g. a
 * USID Main dataset, and how it unfolds) and {@link #pointLists()} (variable-length records per grid
 * position, e.g. Bragg peaks; the node then has kind {@link PointListSource#KIND}).
 */
public final class ArrayNode extends Node {
	/** Kinds of array, as {@code ronchi info} reports them. */
	public static final String KIND_ARRAY = "array";

	private final ArraySource source;
	private ILazyDataset lazy;
	private List<Axis> axes;
	private String kind = KIND_ARRAY;
	private String title;
	private String quantity = "";
	private String units = "";
	private MetadataTree metadata = new MetadataTree();
	private MetadataTree originalMetadata = new MetadataTree();
	private NdimForm ndimForm;
	private PointListSource pointLists;

	public ArrayNode(String name, ArraySource source) {
		super(name);
		this.source = source;
		long[] shape = source.shape();
		List<Axis> def = new ArrayList<>(shape.length);
		for (int i = 0; i < shape.length; i++) {
			def.add(Axis.index("dim" + i, shape[i]));
		}
		this.axes = def;
	}

	public ArraySource source() {
		return source;
	}

	public DType dtype() {
		return source.dtype();
	}

	public long[] shape() {
		return source.shape().clone();
	}

	public int rank() {
		return source.shape().length;
	}

	/** @return the number of elements, exact beyond 2^31 */
	public long size() {
		return Shapes.size(source.shape());
	}

	/** @return the data as a lazy January dataset; slicing it reads only what the slice needs */
	public synchronized ILazyDataset lazy() {
		if (lazy == null) {
			lazy = LazyArrays.toLazy(name(), source);
		}
		return lazy;
	}

	public List<Axis> axes() {
		return Collections.unmodifiableList(axes);
	}

	/** Sets the calibration; one axis per dimension, sizes matching the shape. */
	public ArrayNode axes(List<Axis> newAxes) {
		long[] shape = source.shape();
		if (newAxes.size() != shape.length) {
			throw new IllegalArgumentException(path() + ": " + newAxes.size() + " axes for rank " + shape.length);
		}
		for (int i = 0; i < shape.length; i++) {
			if (newAxes.get(i).size() != shape[i]) {
				throw new IllegalArgumentException(path() + ": axis " + i + " (" + newAxes.get(i).name() + ") has size "
						+ newAxes.get(i).size() + " but the dimension is " + shape[i]);
			}
		}
		this.axes = new ArrayList<>(newAxes);
		return this;
	}

	public String kind() {
		return kind;
	}

	public ArrayNode kind(String k) {
		this.kind = k;
		return this;
	}

	/** @return the title users see (Velox detector name, DM image name); defaults to the node name */
	public String title() {
		return title != null ? title : name();
	}

	public ArrayNode title(String t) {
		this.title = t;
		return this;
	}

	public String quantity() {
		return quantity;
	}

	public String units() {
		return units;
	}

	public ArrayNode quantity(String q, String u) {
		this.quantity = q == null ? "" : q;
		this.units = u == null ? "" : u;
		return this;
	}

	/** @return the standard metadata; may be shared with other nodes (an edit shows in all of them) */
	public MetadataTree metadata() {
		return metadata;
	}

	/** Shares (not copies) a metadata tree; use {@link MetadataTree#copy()} to detach. */
	public ArrayNode metadata(MetadataTree m) {
		this.metadata = m;
		return this;
	}

	/** @return the vendor's metadata, verbatim */
	public MetadataTree originalMetadata() {
		return originalMetadata;
	}

	public ArrayNode originalMetadata(MetadataTree m) {
		this.originalMetadata = m;
		return this;
	}

	/** @return how this array unfolds into the dimensions it means, or null if it is stored as it is meant */
	public NdimForm ndimForm() {
		return ndimForm;
	}

	public ArrayNode ndimForm(NdimForm form) {
		this.ndimForm = form;
		return this;
	}

	/** @return the records per grid position this node holds, or null for a plain array */
	public PointListSource pointLists() {
		return pointLists;
	}

	public ArrayNode pointLists(PointListSource lists) {
		this.pointLists = lists;
		return this;
	}
}
