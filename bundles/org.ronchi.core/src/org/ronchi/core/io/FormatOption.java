package org.ronchi.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One option a {@link FileLoader} or {@link FileWriter} understands, as {@code ronchi formats} lists it
 * and the format's page in docs/formats/ documents it (a test keeps the two in agreement).
 *
 * @param name the key users pass ({@code -o name=value})
 * @param type what the value is, in words: "boolean", "integer", "text", "path", "shape", or the choices
 *             ("images | single_spectrum | spectrum_image")
 * @param defaultValue what applies when the option is absent, in words ("false", "all", "the file's")
 * @param doc one line on what it does
 */
public record FormatOption(String name, String type, String defaultValue, String doc) {

	public static FormatOption bool(String name, boolean defaultValue, String doc) {
		return new FormatOption(name, "boolean", Boolean.toString(defaultValue), doc);
	}

	/**
	 * Refuses keys none of the options has: usually a typo of one of them.
	 *
	 * @throws InvalidRequestException naming the unknown key, the format and the known keys
	 */
	public static void checkKnown(Path file, String format, Map<String, ?> given, List<FormatOption> known) {
		TreeSet<String> names = new TreeSet<>();
		known.forEach(o -> names.add(o.name()));
		for (String k : given.keySet()) {
			if (!names.contains(k)) {
				throw new InvalidRequestException(file, "option " + k, names.isEmpty() ? format + " takes no options"
						: "unknown " + format + " option; known: " + String.join(", ", names));
			}
		}
	}
}
