package org.ronchi.ui.metadata;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.PlainValues;

import com.google.gson.GsonBuilder;

/** A metadata tree as JSON, in the shapes the CLI prints ({@link PlainValues}): what "Copy as JSON" puts on the clipboard. */
public final class MetadataJson {
	private MetadataJson() {
	}

	public static String print(MetadataTree t) {
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(PlainValues.of(t));
	}
}
