package org.ronchi.io.tia.internal;

import org.ronchi.core.io.FileBytes;

import java.util.List;

import org.ronchi.io.tia.TiaException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;

/**
 * One {@code .ser} file as a signal: reads the header, the first data element and tag (nothing else
 * at open), and describes the series as one lazily read array with its axes and metadata.
 */
final class SerSignal {
	private SerSignal() {
	}

	/**
	 * @param objectInfo the EMI's ObjectInfo tree for this file, or null
	 * @param warnings   receives problems that do not stop reading
	 */
	static ArrayNode open(FileBytes f, String name, MetadataTree objectInfo, List<String> warnings) {
		SerHeader h = SerHeader.read(f);
		SerOffsetArray offsets = SerOffsetArray.of(f, h);
		if (h.validElements() == 0) {
			throw new UnsupportedFormatException(f.path(), "SER header at 0x12",
					"the series holds no valid data element (TIA keeps a single spectrum inside the .emi, which is not read)");
		}
		long firstOffset = offsets.dataOffsets(0, 1)[0];
		SerDataElement first = SerDataElement.read(f, firstOffset, h.isSpectra(), 0);
		long elementBytes = first.headerSize() + first.dataBytes();
		if (h.validElements() > f.size() / elementBytes) {
			throw TiaException.at(f.path(), "SER header", 0x12, h.validElements() + " valid elements of " + elementBytes
					+ " bytes each cannot fit in a file of " + f.size() + " bytes");
		}
		SerTag tag = SerTag.read(f, offsets.tagOffsets(0, 1)[0]);
		SerAxes axes = SerAxes.of(f, h, first);
		ArraySource source = SerData.source(f, offsets, first, h.isSpectra(), h.validElements(), axes.navShape());

		ArrayNode node = new ArrayNode(name, source).axes(axes.axes());
		node.title(name).kind(kind(h, axes, source.dtype())).quantity("Intensity", "");

		MetadataTree original = new MetadataTree();
		original.put("ser_header", h.toTree());
		original.put("ser_data_element", first.toTree());
		if (tag != null) {
			original.put("ser_tag", tag.toTree());
		}
		if (objectInfo != null) {
			original.put("ObjectInfo", objectInfo);
		}
		node.originalMetadata(original);
		String signalType = h.isSpectra() ? null : axes.reciprocalSignal() ? "diffraction" : "image";
		node.metadata(TiaMetadata.standard(original, name, f.path().getFileName().toString(), tag == null ? -1 : tag.time(),
				signalType, warnings));
		return node;
	}

	private static String kind(SerHeader h, SerAxes axes, DType dtype) {
		long[] nav = axes.navShape();
		if (h.isSpectra()) {
			if (nav.length == 0 || nav.length == 1 && nav[0] == 1) {
				return "spectrum";
			}
			if (!axes.spatialNavigation()) {
				return "spectrum-stack";
			}
			return nav.length == 1 ? "line-scan" : "spectrum-image";
		}
		if (dtype.isComplex()) {
			return "complex-image";
		}
		if (nav.length == 0) {
			return axes.reciprocalSignal() ? "diffraction" : "image";
		}
		// images at scan positions are a 4D-STEM data set; images over frame numbers a stack
		return axes.spatialNavigation() ? "diffraction" : "image-stack";
	}
}
