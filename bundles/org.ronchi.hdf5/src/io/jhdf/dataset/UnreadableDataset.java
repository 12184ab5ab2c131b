/*
 * Part of Ronchi's patches to jHDF 0.13.0 (see org.ronchi.hdf5 package-info and the patched
 * DatasetLoader): a dataset whose description (datatype, dataspace, layout) cannot be parsed. It keeps its
 * name, place and attributes, so the group around it still lists it; everything else throws the reason.
 */
package io.jhdf.dataset;

import java.util.List;

import io.jhdf.AbstractNode;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.NodeType;
import io.jhdf.exceptions.HdfException;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.DataLayout;
import io.jhdf.storage.HdfBackingStorage;

/** A dataset listed but not readable: every data or description method throws why. */
public final class UnreadableDataset extends AbstractNode implements Dataset {
	private final String reason;

	UnreadableDataset(HdfBackingStorage hdfBackingStorage, long address, String name, Group parent, String reason) {
		super(hdfBackingStorage, address, name, parent);
		this.reason = reason;
	}

	/** @return why the dataset cannot be read */
	public String getReason() {
		return reason;
	}

	private HdfException unreadable() {
		return new HdfException(reason);
	}

	@Override
	public NodeType getType() {
		return NodeType.DATASET;
	}

	@Override
	public long getSize() {
		throw unreadable();
	}

	@Override
	public long getSizeInBytes() {
		throw unreadable();
	}

	@Override
	public long getStorageInBytes() {
		throw unreadable();
	}

	@Override
	public int[] getDimensions() {
		throw unreadable();
	}

	@Override
	public long[] getDimensionsAsLong() {
		throw unreadable();
	}

	@Override
	public boolean isScalar() {
		throw unreadable();
	}

	@Override
	public boolean isEmpty() {
		throw unreadable();
	}

	@Override
	public boolean isCompound() {
		throw unreadable();
	}

	@Override
	public boolean isVariableLength() {
		throw unreadable();
	}

	@Override
	public long[] getMaxSize() {
		throw unreadable();
	}

	@Override
	public DataLayout getDataLayout() {
		throw unreadable();
	}

	@Override
	public Object getData() {
		throw unreadable();
	}

	@Override
	public Object getDataFlat() {
		throw unreadable();
	}

	@Override
	public Object getData(long[] sliceOffset, int[] sliceDimensions) {
		throw unreadable();
	}

	@Override
	public Class<?> getJavaType() {
		throw unreadable();
	}

	@Override
	public DataType getDataType() {
		throw unreadable();
	}

	@Override
	public Object getFillValue() {
		throw unreadable();
	}

	@Override
	public List<PipelineFilterWithData> getFilters() {
		throw unreadable();
	}
}
