package org.ronchi.ui.preferences;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.core.runtime.preferences.IScopeContext;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.ronchi.ui.image.Colormap;
import org.ronchi.ui.image.ImageRenderer;

/**
 * Typed access to Ronchi's preferences. The keys and their defaults are here; the store is Eclipse's,
 * created on first use. Outside a running platform (plain unit tests) the defaults are returned.
 */
public final class UiPreferences {
	public static final String QUALIFIER = "org.ronchi.ui";
	public static final String MEMORY_BUDGET_MIB = "memoryBudgetMiB";
	public static final String THREADS = "threads";
	public static final String COLORMAP = "colormap";
	public static final String RECENT_FILES = "recentFiles";
	/** The id of the results store runs are saved with ("" for the engine's default, EMD 1.0). */
	public static final String RESULTS_STORE = "resultsStore";
	static final int RECENT_MAX = 10;

	private static IPreferenceStore store;

	private UiPreferences() {
	}

	/** @return a quarter of the JVM's maximum heap, at least 64 MiB */
	public static int defaultMemoryBudgetMiB() {
		return (int) Math.max(64, Runtime.getRuntime().maxMemory() / 4 / (1 << 20));
	}

	public static int defaultThreads() {
		return Runtime.getRuntime().availableProcessors();
	}

	/** @return the preference store, or null outside a running platform */
	public static synchronized IPreferenceStore store() {
		if (store == null && Platform.isRunning()) {
			IScopeContext scope = Platform.getInstanceLocation() != null && Platform.getInstanceLocation().isSet() ? InstanceScope.INSTANCE
					: ConfigurationScope.INSTANCE;
			ScopedPreferenceStore s = new ScopedPreferenceStore(scope, QUALIFIER);
			s.setDefault(MEMORY_BUDGET_MIB, defaultMemoryBudgetMiB());
			s.setDefault(THREADS, defaultThreads());
			s.setDefault(COLORMAP, "gray");
			s.setDefault(RECENT_FILES, "");
			s.setDefault(RESULTS_STORE, "");
			store = s;
		}
		return store;
	}

	/** @return the memory budget in bytes */
	public static long memoryBudgetBytes() {
		IPreferenceStore s = store();
		int mib = s == null ? defaultMemoryBudgetMiB() : s.getInt(MEMORY_BUDGET_MIB);
		return (long) Math.max(16, mib) << 20;
	}

	public static int threads() {
		IPreferenceStore s = store();
		return Math.max(1, s == null ? defaultThreads() : s.getInt(THREADS));
	}

	public static Colormap colormap() {
		IPreferenceStore s = store();
		return Colormap.namedOrGray(s == null ? "gray" : s.getString(COLORMAP));
	}

	/** @return the id of the results store chosen for saved runs, or null for the engine's default */
	public static String resultsStore() {
		IPreferenceStore s = store();
		String id = s == null ? "" : s.getString(RESULTS_STORE).strip();
		return id.isEmpty() ? null : id;
	}

	/** @return how new image views start: the default colour map, 0.5 to 99.5 percentile contrast, linear */
	public static ImageRenderer.Settings imageDefaults() {
		return new ImageRenderer.Settings(colormap(), 0.5, 99.5, false);
	}

	/** @return recently opened files, newest first */
	public static List<String> recentFiles() {
		IPreferenceStore s = store();
		List<String> out = new ArrayList<>();
		if (s != null) {
			for (String f : s.getString(RECENT_FILES).split("\n")) {
				if (!f.isBlank()) {
					out.add(f);
				}
			}
		}
		return out;
	}

	/** Puts a file first in the recent files (at most ten are kept) and saves the store. */
	public static void addRecentFile(String path) {
		IPreferenceStore s = store();
		if (s == null) {
			return;
		}
		List<String> files = recentFiles();
		files.remove(path);
		files.add(0, path);
		while (files.size() > RECENT_MAX) {
			files.remove(files.size() - 1);
		}
		s.setValue(RECENT_FILES, String.join("\n", files));
		save(s);
	}

	/** Saves the store now (a preference page's OK); without a writable configuration area the values hold for this session. */
	public static void save(IPreferenceStore s) {
		if (s instanceof ScopedPreferenceStore sps) {
			try {
				sps.save();
			} catch (java.io.IOException e) {
				// the product may run without a writable configuration area: keep the values for this session
			}
		}
	}
}
