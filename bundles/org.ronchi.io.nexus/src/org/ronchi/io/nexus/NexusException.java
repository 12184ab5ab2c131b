package org.ronchi.io.nexus;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * A NeXus rule broken: an NXdata group whose signal is missing or not an array, an axis field that does
 * not fit the dimension its indices name, a results file that is not Ronchi's. Names the file, the group
 * and the rule.
 */
public class NexusException extends FormatException {
	private static final long serialVersionUID = 1L;

	public NexusException(Path file, String groupPath, String rule) {
		super(file, groupPath, rule);
	}
}
