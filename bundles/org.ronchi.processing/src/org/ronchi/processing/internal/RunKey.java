package org.ronchi.processing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.ronchi.core.lazy.Shapes;
import org.ronchi.processing.InputInfo;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Params;

/**
 * The identity of a run: operation id and version, parameters, and the source (absolute path, size,
 * modification time, dataset, slice if any, shape, dtype, navigation split). Equal keys mean an existing result can
 * be reused and a partial run resumed. Without a source file there is no identity: such runs are
 * always computed.
 */
final class RunKey {
	private RunKey() {
	}

	/**
	 * @param identity what identifies the source's content, or null for the file's size and modification time
	 * @return the canonical description that is hashed, or null without a source file
	 */
	static String describe(Operation op, Params params, InputInfo in, String identity, String slice) {
		if (in.file() == null) {
			return null;
		}
		Path f = in.file().toAbsolutePath().normalize();
		String content = identity;
		if (content == null) {
			try {
				content = "size=" + Files.size(f) + "\nmtime=" + Files.getLastModifiedTime(f).toMillis();
			} catch (IOException e) {
				return null;
			}
		}
		return "operation=" + op.id() + "\nversion=" + op.version() + "\nparameters=" + params.toJson() + "\nsource=" + f + "\n" + content
				+ "\ndataset=" + in.dataset() + (slice == null || slice.isEmpty() ? "" : "\nslice=" + slice) + "\nshape=" + Shapes.format(in.shape()) + "\ndtype=" + in.dtype().numpyName()
				+ "\nnavigation_rank=" + in.navRank();
	}

	static String hash(String description) {
		if (description == null) {
			return null;
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
