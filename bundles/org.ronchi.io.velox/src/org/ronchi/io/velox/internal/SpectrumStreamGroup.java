package org.ronchi.io.velox.internal;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.Group;

/**
 * {@code /Data/SpectrumStream/<uuid>}: one EDS detector segment's event stream ({@code Data}, decoded
 * by {@link org.ronchi.io.velox.internal.stream}), its {@code AcquisitionSettings} JSON ({@code bincount},
 * {@code StreamEncoding}, the full {@code RasterScanDefinition}), its per-frame {@code Metadata} and,
 * from version 6 on, a {@code FrameLocationTable} of where each frame starts.
 */
final class SpectrumStreamGroup {
	final Group group;
	final StreamDataset values;
	final MetadataTree settings;
	final MetadataTree metadata;
	final int channels;
	final DType encoding;
	/** Rows of the FrameLocationTable (frames in the stream), or -1 without one. */
	final long framesInTable;

	private SpectrumStreamGroup(Group group, StreamDataset values, MetadataTree settings, MetadataTree metadata, int channels,
			DType encoding, long framesInTable) {
		this.group = group;
		this.values = values;
		this.settings = settings;
		this.metadata = metadata;
		this.channels = channels;
		this.encoding = encoding;
		this.framesInTable = framesInTable;
	}

	static SpectrumStreamGroup read(VeloxFile f, Group g) {
		ArrayNode data = f.dataset(g, "Data");
		f.checkStored(data);
		StreamDataset values;
		try {
			values = new StreamDataset(f.path, data, f.stored(data));
		} catch (VeloxException e) {
			throw e;
		} catch (RuntimeException e) {
			throw new VeloxException(f.path, data.path(), "cannot read the stream's layout: " + e.getMessage(), e);
		}
		MetadataTree settings = g.child("AcquisitionSettings") instanceof ArrayNode a ? f.json(a) : new MetadataTree();
		Double bins = Attributes.asDouble(settings.child("bincount"));
		if (bins == null || bins != Math.rint(bins) || bins < 1 || bins >= 65535) {
			throw new VeloxException(f.path, g.path() + "/AcquisitionSettings", "bincount " + settings.child("bincount")
					+ " is not a channel count of a uint16 stream (1 to 65534)");
		}
		DType encoding = DType.UINT16;
		String declared = Attributes.asString(settings.child("StreamEncoding"));
		if (declared != null && !declared.isEmpty()) {
			try {
				encoding = DType.fromNumpy(declared);
			} catch (IllegalArgumentException e) {
				encoding = null;
			}
			if (encoding == null || !encoding.isNumeric() || encoding.isComplex() || encoding == DType.BOOL) {
				f.warn(g.path() + "/AcquisitionSettings: StreamEncoding '" + declared + "' cannot hold counts; spectrum images default to uint16");
				encoding = DType.UINT16;
			}
		}
		long frames = g.child("FrameLocationTable") instanceof ArrayNode t && t.rank() >= 1 ? t.shape()[0] : -1;
		return new SpectrumStreamGroup(g, values, settings, f.frameMetadata(g), bins.intValue(), encoding, frames);
	}
}
