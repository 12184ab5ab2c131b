package org.ronchi.processing.results;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of results groups as h5USID (pyUSID DM-51) forms them: {@code <Source>-<Tool>_NNN}, '-'
 * separating the source dataset's name from the tool's (so neither may contain one: replaced by '_',
 * as pyUSID does), NNN counting runs of that tool on that source. Every results store names its runs
 * so, whatever its format: a user finds a run by the same name in an EMD 1.0 or a NeXus results file.
 */
public final class RunNames {
	private static final Pattern NAME = Pattern.compile("(.*)-(.*)_(\\d{3,})");

	private RunNames() {
	}

	/** @return the next free {@code Source-Tool_NNN} among the names already in the file */
	public static String next(String source, String tool, Collection<String> existing) {
		String s = source.replace('-', '_');
		String t = tool.replace('-', '_');
		int next = 0;
		for (String n : existing) {
			Matcher m = NAME.matcher(n);
			if (m.matches() && m.group(1).equals(s) && m.group(2).equals(t)) {
				next = Math.max(next, Integer.parseInt(m.group(3)) + 1);
			}
		}
		return String.format(Locale.ROOT, "%s-%s_%03d", s, t, next);
	}
}
