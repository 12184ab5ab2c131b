package org.ronchi.io.usid;

import java.nio.file.Path;

import org.ronchi.core.io.RonchiException;

/**
 * A USID rule broken: by a file (a reference pointing nowhere, ancillaries that disagree with their Main
 * dataset) or by a request (a slice out of range, an unknown dimension). The message names the file,
 * the object path and the rule; the file is null when the model is used without one.
 */
public class UsidException extends RonchiException {
	private static final long serialVersionUID = 1L;

	public UsidException(Path file, String objectPath, String rule) {
		super(file, objectPath, rule);
	}
}
