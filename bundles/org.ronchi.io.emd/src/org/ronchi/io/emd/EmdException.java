package org.ronchi.io.emd;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * An EMD rule broken (EMD 1.0 / emdfile or NCEM EMD 0.x): a missing dataset, a dim vector that does not
 * fit its array, an unknown group or metadata type. Names the file, the group path and the rule.
 */
public class EmdException extends FormatException {
	private static final long serialVersionUID = 1L;

	public EmdException(Path file, String groupPath, String rule) {
		super(file, groupPath, rule);
	}
}
