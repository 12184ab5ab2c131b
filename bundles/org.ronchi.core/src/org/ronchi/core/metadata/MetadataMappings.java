package org.ronchi.core.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the mapping file of a vendor. Each format bundle ships {@code mappings/<vendor>.map}; a user
 * can add or override keys without recompiling by putting a file of the same name in the folder named
 * by the system property {@code ronchi.mappings}, the environment variable {@code RONCHI_MAPPINGS}, or
 * {@code ~/.ronchi/mappings}. User rules are tried before the shipped ones.
 */
public final class MetadataMappings {
	private static final Map<String, MetadataMapping> CACHE = new ConcurrentHashMap<>();

	private MetadataMappings() {
	}

	/**
	 * @param vendor the mapping's name, e.g. "dm", "velox", "fei-tiff"
	 * @param anchor a class of the bundle that ships {@code /mappings/<vendor>.map}
	 */
	public static MetadataMapping forVendor(String vendor, Class<?> anchor) {
		return CACHE.computeIfAbsent(vendor, v -> load(v, anchor));
	}

	/** Forgets loaded mappings (after a user edits an override file in a running session). */
	public static void reload() {
		CACHE.clear();
	}

	private static MetadataMapping load(String vendor, Class<?> anchor) {
		String resource = "/mappings/" + vendor + ".map";
		MetadataMapping shipped;
		try (InputStream in = anchor.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("mapping " + resource + " is missing from " + anchor.getName() + "'s bundle");
			}
			shipped = MetadataMapping.parse(in, resource);
		} catch (IOException e) {
			throw new IllegalStateException("cannot read mapping " + resource + ": " + e.getMessage(), e);
		}
		Path user = userFolder().resolve(vendor + ".map");
		if (Files.isRegularFile(user)) {
			try (InputStream in = Files.newInputStream(user)) {
				return shipped.withOverrides(MetadataMapping.parse(in, user.toString()));
			} catch (IOException e) {
				throw new IllegalStateException("cannot read user mapping " + user + ": " + e.getMessage(), e);
			}
		}
		return shipped;
	}

	/** @return the folder where user mapping files are looked for */
	public static Path userFolder() {
		String p = System.getProperty("ronchi.mappings");
		if (p == null) {
			p = System.getenv("RONCHI_MAPPINGS");
		}
		return p != null ? Paths.get(p) : Paths.get(System.getProperty("user.home"), ".ronchi", "mappings");
	}
}
