package org.ronchi.core.io;

import java.nio.file.Path;

/**
 * No registered loader claims the file: its content is no format Ronchi knows. Distinct from a loader
 * meeting a feature of its own format it cannot read (the parent type), so that a caller walking many
 * files (the catalogue) can list such a file as not recognised rather than as failed.
 */
public class UnknownFormatException extends UnsupportedFormatException {
	private static final long serialVersionUID = 1L;

	private final String content;

	/**
	 * @param content what the file is (its name, how it starts), without the advice
	 * @param advice  what would help, appended to the message (e.g. the formats known), or null
	 */
	public UnknownFormatException(Path file, String content, String advice) {
		super(file, null, advice == null ? content : content + "; " + advice);
		this.content = content;
	}

	/** @return what the file is, without the advice: the short reason a list of many files shows */
	public String content() {
		return content;
	}
}
