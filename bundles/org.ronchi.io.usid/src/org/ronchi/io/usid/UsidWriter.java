package org.ronchi.io.usid;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;
import org.ronchi.io.usid.internal.MainWriter;
import org.ronchi.io.usid.internal.ResultsWriter;

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
 * Processing runs on a signal can be written with it as results groups ({@link Results}). The Main
 * dataset is chunked by whole positions (pyUSID's calc_chunks with unit (1, P), up to 1 MiB)
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
	 * One processing run on a signal, written as a results group {@code Raw_Data-<tool>_NNN} beside it.
	 *
	 * @param tool       the tool's name ('-' becomes '_', as pyUSID does)
	 * @param parameters simple attributes of the group (numbers, strings, arrays; null values skipped)
	 * @param results    the run's outputs, each written as a Main dataset in the group
	 */
	public record Results(String tool, Map<String, Object> parameters, List<ArrayNode> results) {
		public Results {
			parameters = new LinkedHashMap<>(parameters);
			results = List.copyOf(results);
		}
	}

	/**
	 * Writes one signal as {@code /Measurement_000/Channel_000/Raw_Data} and each run as a results group
	 * beside it, runs of the same tool numbered 000, 001... in the order given.
	 */
	public static void write(ArrayNode signal, List<Results> runs, Path out) {
		LocalDateTime now = LocalDateTime.now();
		Hdf5Writer.write(out, root -> {
			MainWriter.bookKeeping(root, now);
			root.attribute("translator", "Ronchi");
			WGroup measurement = MainWriter.bookKeeping(root.group("Measurement_000"), now);
			WGroup channel = MainWriter.bookKeeping(measurement.group("Channel_000"), now);
			WDataset main = MainWriter.write(channel, signal, now);
			List<String> names = new ArrayList<>();
			for (Results r : runs) {
				names.add(ResultsWriter.write(channel, names, main, r.tool(), r.parameters(), r.results(), now).name());
			}
		});
	}

	/**
	 * @throws org.ronchi.io.usid.UsidException if a signal cannot be a Main dataset (text or record
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
