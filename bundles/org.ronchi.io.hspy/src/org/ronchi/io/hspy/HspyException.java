package org.ronchi.io.hspy;

import java.nio.file.Path;

import org.ronchi.core.io.FormatException;

/**
 * A HyperSpy file rule broken: an experiment group without its axes, an axis group that does not fit
 * its dimension, ragged data without its shapes. Names the file, the group and the rule.
 */
public class HspyException extends FormatException {
	private static final long serialVersionUID = 1L;

	public HspyException(Path file, String groupPath, String rule) {
		super(file, groupPath, rule);
	}
}
