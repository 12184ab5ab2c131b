package org.ronchi.headless.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;

import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.processing.ProcessingException;

/**
 * Writes a demo's synthetic data as EMD 1.0 with the registered writer, unless the file already holds
 * the same values (so a second demo run finds its results reusable: the run key includes the input's
 * modification time).
 */
final class DemoData {
	/** The writer the demos' data are written with. */
	static final String FORMAT = "emd1";
	/** Where the EMD 1.0 writer puts a datacube titled "datacube": a root named after it, holding its DataCube. */
	static final String DATASET = "/datacube_root/datacube/data";

	private DemoData() {
	}

	/**
	 * @param cube the data, its axes, title ("datacube"), kind and quantity set
	 * @return true if the file was written, false if an identical one was kept
	 */
	static boolean writeIfChanged(ArrayNode cube, String title, Path file, LoaderRegistry loaders, WriterRegistry writers) {
		String sha = sha256(cube.source());
		if (Files.isRegularFile(file)) {
			try (DataFile old = loaders.open(file)) {
				ArrayNode a = old.find(DATASET);
				if (a != null && a.dtype() == cube.dtype() && Arrays.equals(a.shape(), cube.shape()) && sha.equals(sha256(a.source()))) {
					return false;
				}
			} catch (RuntimeException e) {
				// unreadable or another layout: rewrite it
			}
		}
		cube.metadata().set("general.title", title);
		Group root = Group.root();
		root.add(cube);
		DataFile synthetic = new DataFile(file, "synthetic", "", root, null).addSignal(cube);
		Path tmp = file.resolveSibling("." + file.getFileName() + ".new");
		try {
			Files.deleteIfExists(tmp);
			writers.get(FORMAT).write(synthetic, tmp, Map.of());
			Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new ProcessingException(file, null, "cannot write the demo data: " + e.getMessage(), e);
		}
		return true;
	}

	/** @return the SHA-256 of an array's raw little-endian elements, read one first-axis slab at a time */
	private static String sha256(ArraySource s) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			long[] shape = s.shape();
			int[] count = Shapes.toInt(shape);
			count[0] = 1;
			ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(Shapes.size(count) * s.dtype().itemSize())).order(ByteOrder.LITTLE_ENDIAN);
			long[] start = new long[shape.length];
			for (long i = 0; i < shape[0]; i++) {
				start[0] = i;
				b.clear();
				s.readInto(start, count, b);
				b.flip();
				md.update(b);
			}
			return HexFormat.of().formatHex(md.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
