package org.ronchi.io.dm.meta;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;

/**
 * An image's ImageTags, where the acquisition metadata is. Stacks made by the StackBuilder plug-in keep
 * the tags of their source under ImageTags/source/Tags at creation; those are used instead, as
 * RosettaSciIO does.
 */
final class ImageTags {
	private final MetadataTree own;
	private final MetadataTree effective;

	ImageTags(MetadataTree imageTags) {
		this.own = imageTags;
		this.effective = imageTags.at("source", "Tags at creation") instanceof MetadataTree t ? t : imageTags;
	}

	/** @return the image's own ImageTags (the signal type is read from these) */
	MetadataTree own() {
		return own;
	}

	/** @return a non-empty text value at the path in the effective tags, or null */
	String text(String... path) {
		return effective.at(path) instanceof String s && !s.isBlank() ? s : null;
	}

	/** @return a number at the path in the effective tags (numbers written as text included), or null */
	Double number(String... path) {
		Object v = effective.at(path);
		return v instanceof MetadataTree ? null : Attributes.asDouble(v);
	}

	/** @return the value at the path in the effective tags, or null */
	Object at(String... path) {
		return effective.at(path);
	}

	boolean has(String... path) {
		return effective.at(path) != null;
	}

	/** @return the text in the image's own tags, or "" */
	String ownText(String... path) {
		return own.at(path) instanceof String s ? s : "";
	}
}
