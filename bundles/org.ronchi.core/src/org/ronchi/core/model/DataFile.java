package org.ronchi.core.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ronchi.core.metadata.MetadataTree;

/**
 * What every loader returns: the file's tree, the arrays users think of as its signals (in order, so
 * that {@code signal:N} ids are stable), file-level metadata, and the open handle behind the lazy data.
 * Close it when done; lazy datasets read after closing fail with a clear error.
 */
public final class DataFile implements AutoCloseable {
	private final Path path;
	private final String format;
	private final String formatVersion;
	private final Group root;
	private final List<ArrayNode> signals = new ArrayList<>();
	private final MetadataTree metadata = new MetadataTree();
	private final MetadataTree originalMetadata = new MetadataTree();
	private final AutoCloseable handle;
	private final List<String> warnings = new ArrayList<>();

	public DataFile(Path path, String format, String formatVersion, Group root, AutoCloseable handle) {
		this.path = path;
		this.format = format;
		this.formatVersion = formatVersion == null ? "" : formatVersion;
		this.root = root;
		this.handle = handle;
	}

	public Path path() {
		return path;
	}

	/** @return the format's name, as the loader's {@code name()} */
	public String format() {
		return format;
	}

	public String formatVersion() {
		return formatVersion;
	}

	public Group root() {
		return root;
	}

	/** @return the signals, {@code signal:N} being the N-th */
	public List<ArrayNode> signals() {
		return Collections.unmodifiableList(signals);
	}

	public DataFile addSignal(ArrayNode node) {
		signals.add(node);
		return this;
	}

	/** @return the file-level standard metadata */
	public MetadataTree metadata() {
		return metadata;
	}

	/** @return the file-level vendor metadata, verbatim */
	public MetadataTree originalMetadata() {
		return originalMetadata;
	}

	/** @return problems met while reading that did not stop it (a value dropped, a frame skipped) */
	public List<String> warnings() {
		return Collections.unmodifiableList(warnings);
	}

	public DataFile warn(String warning) {
		warnings.add(warning);
		return this;
	}

	/**
	 * Finds a signal by id ({@code signal:N}) or a node by path ({@code /a/b}).
	 *
	 * @return the array, or null if there is none
	 */
	public ArrayNode find(String idOrPath) {
		if (idOrPath.startsWith("signal:")) {
			try {
				int i = Integer.parseInt(idOrPath.substring(7));
				return i >= 0 && i < signals.size() ? signals.get(i) : null;
			} catch (NumberFormatException e) {
				return null;
			}
		}
		Node n = root.resolve(idOrPath);
		return n instanceof ArrayNode a ? a : null;
	}

	@Override
	public void close() {
		if (handle != null) {
			try {
				handle.close();
			} catch (Exception e) {
				// read-only handle; nothing to recover
			}
		}
	}
}
