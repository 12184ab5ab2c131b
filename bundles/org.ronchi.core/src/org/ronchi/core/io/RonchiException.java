package org.ronchi.core.io;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Root of every error Ronchi reports about a file or a request. Unchecked, so that lazy slicing code
 * (called through January's interfaces) can raise it, and always carrying context: the file, and
 * where inside it (an HDF5 object path, a byte offset, a frame) the problem was found.
 * <p>
 * {@link #getMessage()} is the one line the CLI prints: {@code file: where: problem}.
 */
public class RonchiException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final transient Path file;
	private final String where;
	private final String problem;

	public RonchiException(Path file, String where, String problem) {
		this(file, where, problem, null);
	}

	public RonchiException(Path file, String where, String problem, Throwable cause) {
		super(format(file, where, problem), cause);
		this.file = file;
		this.where = where;
		this.problem = problem;
	}

	private static String format(Path file, String where, String problem) {
		StringBuilder sb = new StringBuilder();
		if (file != null) {
			sb.append(file).append(": ");
		}
		if (where != null && !where.isEmpty()) {
			sb.append(where).append(": ");
		}
		sb.append(problem);
		return sb.toString();
	}

	/** @return the file concerned, or null when the error is not about a file */
	public Path file() {
		return file;
	}

	/** @return the place inside the file (object path, offset, frame), or null */
	public String where() {
		return where;
	}

	/** @return the rule broken, without file and place */
	public String problem() {
		return problem;
	}

	/** Java class names as they appear in messages: {@code java.lang.ArithmeticException: }, {@code io.jhdf.X}. */
	private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

	/**
	 * Says what went wrong below a reader, in words for the one-line error: the innermost message of the
	 * cause chain (libraries wrap the specific complaint in "failed to load ..." layers), with Java class
	 * names taken out; causes without a message (a buffer read past its end, an overflowing size) are named
	 * by what they mean in a damaged file.
	 *
	 * @return e.g. "a size or offset is out of range (Could not convert to unsigned value: -3)"
	 */
	public static String describe(Throwable e) {
		String words = null;
		Throwable kind = e;
		int depth = 0;
		for (Throwable t = e; t != null && depth < 32; t = t.getCause(), depth++) {
			String m = t.getMessage();
			if (m != null && !m.isBlank()) {
				String clean = CLASS_NAME.matcher(m).replaceAll("").trim();
				if (!clean.isEmpty()) {
					words = clean;
					kind = t;
				}
			}
		}
		String what = meaning(words == null ? innermost(e) : kind);
		if (words == null) {
			return what != null ? what : "damaged structure";
		}
		return what != null ? what + " (" + words + ")" : words;
	}

	private static Throwable innermost(Throwable e) {
		Throwable t = e;
		for (int i = 0; i < 32 && t.getCause() != null && t.getCause() != t; i++) {
			t = t.getCause();
		}
		return t;
	}

	/** @return what a JDK exception means when a reader meets it in a damaged file; null for the others */
	private static String meaning(Throwable t) {
		if (t instanceof java.nio.BufferUnderflowException || t instanceof java.io.EOFException) {
			return "a structure runs past the end of its data";
		}
		if (t instanceof IndexOutOfBoundsException || t instanceof java.nio.BufferOverflowException) {
			return "an offset or length points outside its structure";
		}
		if (t instanceof ArithmeticException || t instanceof NegativeArraySizeException) {
			return "a size or offset is out of range";
		}
		if (t instanceof NullPointerException || t instanceof ClassCastException) {
			return "a structure is missing or of an unexpected kind";
		}
		return null;
	}
}
