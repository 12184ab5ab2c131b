package org.ronchi.io.dm.internal;

import java.util.function.Consumer;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.io.dm.image.DmImage;
import org.ronchi.io.dm.image.SignalHints;
import org.ronchi.io.dm.image.SignalLayout;
import org.ronchi.io.dm.meta.DmMetadata;
import org.ronchi.io.dm.tags.TagFile;

/** Makes the signal of one image: lazy data, HyperSpy-order axes, kind, quantity and both metadata trees. */
final class DmSignal {
	private DmSignal() {
	}

	static ArrayNode create(FileBytes file, TagFile tags, DmImage image, String nodeName, String fileName,
			Consumer<String> warn) {
		SignalHints hints = DmMetadata.hints(image);
		SignalLayout layout = SignalLayout.of(image, hints);
		ArrayNode node = new ArrayNode(nodeName, image.source(file, layout));
		node.axes(layout.axes());
		MetadataTree original = DmMetadata.original(tags.root(), image);
		MetadataTree standard = DmMetadata.standard(original, image, hints, fileName, warn);
		if (!standard.has("signal.type")) { // RosettaSciIO leaves it empty; the schema names images too
			switch (layout.kind()) {
			case "diffraction" -> standard.set("signal.type", "diffraction");
			case "image", "image-stack", "complex-image" -> standard.set("signal.type", "image");
			default -> {
			}
			}
		}
		String[] quantity = DmMetadata.quantity(image, hints.signalType());
		node.title(image.name()).kind(layout.kind()).quantity(quantity[0], quantity[1]);
		node.originalMetadata(original).metadata(standard);
		node.attribute("dm_image_index", image.key());
		node.attribute("dm_data_type", image.type().code());
		node.attribute("dm_data_offset", image.data().offset());
		return node;
	}
}
