package org.ronchi.io.tiff.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.ronchi.core.io.InvalidRequestException;

/**
 * The options {@link TiffLoader#open} understands. All default to false; other keys are ignored, since the
 * caller may pass one options map to every loader.
 *
 * @param cropDatabar     remove the FEI/Thermo databar rows below [Image]ResolutionY
 * @param pagesAsSignals  one signal per page even when pages could stack (HyperSpy's multipage_as_list)
 * @param resolutionTags  calibrate pages without vendor metadata from XResolution/ResolutionUnit
 *                        (HyperSpy's force_read_resolution)
 */
public record LoaderOptions(boolean cropDatabar, boolean pagesAsSignals, boolean resolutionTags) {
	public static final String CROP_DATABAR = "crop_databar";
	public static final String PAGES_AS_SIGNALS = "pages_as_signals";
	public static final String RESOLUTION_TAGS = "resolution_tags";

	static LoaderOptions of(Path file, Map<String, Object> options) {
		return new LoaderOptions(flag(file, options, CROP_DATABAR), flag(file, options, PAGES_AS_SIGNALS),
				flag(file, options, RESOLUTION_TAGS));
	}

	private static boolean flag(Path file, Map<String, Object> options, String key) {
		Object v = options.get(key);
		if (v == null) {
			return false;
		}
		if (v instanceof Boolean b) {
			return b;
		}
		return switch (String.valueOf(v).strip().toLowerCase(Locale.ROOT)) {
		case "true", "yes", "1", "on" -> true;
		case "false", "no", "0", "off" -> false;
		default -> throw new InvalidRequestException(file, "option " + key, "expected true or false, got '" + v + "'");
		};
	}
}
