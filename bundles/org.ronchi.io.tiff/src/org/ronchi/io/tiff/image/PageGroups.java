package org.ronchi.io.tiff.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which pages make one signal: pages of equal shape and element type stack (in page order, grouped as
 * tifffile groups a generic series), others stand alone; reduced-resolution copies (NewSubfileType bit 0)
 * are skipped unless nothing else is left.
 */
public final class PageGroups {
	private PageGroups() {
	}

	/** @return groups in order of their first page */
	public static List<List<PageLayout>> group(List<PageLayout> pages, boolean eachPageAlone) {
		List<PageLayout> full = pages.stream().filter(p -> !p.isReducedResolution()).toList();
		List<PageLayout> use = full.isEmpty() ? pages : full;
		List<List<PageLayout>> out = new ArrayList<>();
		if (eachPageAlone) {
			for (PageLayout p : use) {
				out.add(List.of(p));
			}
			return out;
		}
		Map<String, List<PageLayout>> byKey = new LinkedHashMap<>();
		for (PageLayout p : use) {
			byKey.computeIfAbsent(p.stackKey(), k -> new ArrayList<>()).add(p);
		}
		out.addAll(byKey.values());
		return out;
	}

	/** @return how many pages were left out as reduced-resolution copies */
	public static int skipped(List<PageLayout> pages) {
		long full = pages.stream().filter(p -> !p.isReducedResolution()).count();
		return full == 0 ? 0 : (int) (pages.size() - full);
	}
}
