package org.ronchi.io.usid;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A results group of a processing run, {@code <Source>-<Tool>_NNN} (pyUSID DM-51): created beside its
 * source dataset, never modifying it; '-' separates the source dataset's name from the tool's, and the
 * three digits after the last '_' count runs of that tool on that source. Also the book-keeping and
 * provenance attributes such groups (and Main datasets) carry.
 */
public record ResultsGroup(String source, String tool, int index) {
	private static final Pattern INDEX = Pattern.compile("(.*)_(\\d+)");
	static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss", Locale.ROOT);

	public ResultsGroup {
		if (source == null || source.isEmpty() || tool == null || tool.isEmpty()) {
			throw new UsidException(null, "results group", "source and tool names must be non-empty");
		}
		source = cleanName(source);
		tool = cleanName(tool);
		if (index < 0 || index > 999) {
			throw new UsidException(null, "results group", "index must be 0 to 999, got " + index);
		}
	}

	/** '-' is the results-group separator, so names may not contain it: replaced by '_' as pyUSID does. */
	public static String cleanName(String name) {
		return name.replace('-', '_');
	}

	/**
	 * Parses a group name (pyUSID's {@code get_source_dataset} rule).
	 *
	 * @throws UsidException unless the name splits into exactly two parts on '-' and ends in _NNN
	 */
	public static ResultsGroup parse(String groupName) {
		String[] parts = groupName.split("-", -1);
		if (parts.length != 2) {
			throw new UsidException(null, groupName, "a results group name splits into exactly 2 parts on '-' (Source-Tool_NNN), got "
					+ parts.length);
		}
		Matcher m = INDEX.matcher(parts[1]);
		if (!m.matches()) {
			throw new UsidException(null, groupName, "a results group name ends in _NNN (the run index)");
		}
		return new ResultsGroup(parts[0], m.group(1), Integer.parseInt(m.group(2)));
	}

	/** @return the group name, e.g. {@code Raw_Data-SHO_Fit_000} */
	public String name() {
		return String.format(Locale.ROOT, "%s-%s_%03d", source, tool, index);
	}

	/** @return the next free run of tool on source, given the names already in the parent group */
	public static ResultsGroup next(String source, String tool, Collection<String> existing) {
		int next = 0;
		ResultsGroup probe = new ResultsGroup(source, tool, 0);
		for (String n : existing) {
			try {
				ResultsGroup g = parse(n);
				if (g.source().equals(probe.source()) && g.tool().equals(probe.tool())) {
					next = Math.max(next, g.index() + 1);
				}
			} catch (UsidException e) {
				// not a results group
			}
		}
		return new ResultsGroup(source, tool, next);
	}

	/** @return the book-keeping attributes of DM-60 as written: timestamp, machine_id, platform, and our version */
	public static Map<String, Object> bookKeeping(LocalDateTime when) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("timestamp", STAMP.format(when));
		a.put("machine_id", hostName());
		a.put("platform", System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-" + System.getProperty("os.arch"));
		a.put("ronchi_version", "0.1.0");
		return a;
	}

	/** @return the attributes of the group itself: book-keeping plus tool, num_source_dsets (=1), source_000 is the caller's reference */
	public Map<String, Object> attributes(LocalDateTime when) {
		Map<String, Object> a = bookKeeping(when);
		a.put("tool", tool);
		a.put("num_source_dsets", 1L);
		return a;
	}

	/** From the environment: a DNS look-up (pyUSID uses the FQDN) can stall for seconds offline. */
	private static String hostName() {
		for (String v : new String[] { "HOSTNAME", "COMPUTERNAME" }) {
			String h = System.getenv(v);
			if (h != null && !h.isBlank()) {
				return h;
			}
		}
		return "localhost";
	}
}
