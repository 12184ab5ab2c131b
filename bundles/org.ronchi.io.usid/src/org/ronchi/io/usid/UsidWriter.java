package org.ronchi.io.usid;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.usid.internal.MainWriter;

/**
 * Writes h5USID files that pyUSID reads as Main datasets. Each signal becomes
 * {@code /Measurement_000/Channel_00k/Raw_Data} with its four ancillaries beside it:
 * <ul>
 * <li>a USID Main dataset (kind {@code usid-main}) keeps its ancillaries exactly (labels, units,
 * indices and values, so the N-dimensional form is the same), its quantity, units and name;</li>
 * <li>any other signal is flattened the way pyUSID's HyperSpy plugin does: navigation axes become
 * position dimensions, signal axes spectroscopic ones, each listed fastest first (the last array axis
 * first), with the axis coordinates as values.</li>
 * </ul>
 * The Main dataset is chunked by whole positions (pyUSID's calc_chunks with unit (1, P), up to 1 MiB)
 * and compressed (shuffle + deflate 4); data is streamed from the source, never held whole. The file
 * is published only if everything was written (see {@link Hdf5Writer#write}).
 */
public final class UsidWriter {
	private UsidWriter() {
	}

	/** Writes every signal of a file, one channel each. */
	public static void write(DataFile file, Path out) {
		write(file.signals(), out);
	}

	/** Writes one signal. */
	public static void write(ArrayNode signal, Path out) {
		write(List.of(signal), out);
	}

	/**
	 * @throws org.ronchi.core.usid.UsidException if a signal cannot be a Main dataset (text or record
	 *                                            data, no elements)
	 * @throws org.ronchi.core.io.RonchiException if writing fails; nothing is left at {@code out}
	 */
	public static void write(List<ArrayNode> signals, Path out) {
		LocalDateTime now = LocalDateTime.now();
		Hdf5Writer.write(out, root -> {
			MainWriter.bookKeeping(root, now);
			root.attribute("translator", "Ronchi");
			WGroup measurement = MainWriter.bookKeeping(root.group("Measurement_000"), now);
			for (int k = 0; k < signals.size(); k++) {
				WGroup channel = MainWriter.bookKeeping(measurement.group(String.format("Channel_%03d", k)), now);
				MainWriter.write(channel, signals.get(k), now);
			}
		});
	}
}
