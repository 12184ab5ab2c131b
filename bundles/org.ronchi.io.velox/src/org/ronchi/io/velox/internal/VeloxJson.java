package org.ronchi.io.velox.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5Dataset;

/**
 * Velox's JSON blocks: where their text is (a one-element variable-length string dataset such as
 * {@code /Version}, or a column of a uint8 {@code Metadata} dataset) and how it becomes a
 * {@link MetadataTree} verbatim: objects become branches in file order, arrays become lists, text stays
 * text (Velox writes most numbers as strings: "200000"), JSON numbers and booleans stay numbers and
 * booleans (version 11 and later write some of them so).
 */
final class VeloxJson {
	/** More JSON than any Velox block holds (they are padded to 60000 bytes); a larger one is forged. */
	static final long MAX_BYTES = 16L << 20;
	/** Velox's string blocks hold one string; a few more are tolerated. */
	static final long MAX_STRINGS = 16;

	private VeloxJson() {
	}

	/** @return the parsed object, or null when the text is empty (Velox writes "" for absent blocks) */
	static MetadataTree parse(String text, Path file, String where) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			JsonElement e = JsonParser.parseString(text);
			if (e.isJsonObject()) {
				return (MetadataTree) value(e);
			}
			return new MetadataTree().put("value", value(e));
		} catch (JsonParseException | IllegalStateException e) {
			throw new VeloxException(file, where, "not valid JSON: " + e.getMessage(), e);
		}
	}

	private static Object value(JsonElement e) {
		if (e.isJsonObject()) {
			MetadataTree t = new MetadataTree();
			for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
				t.put(m.getKey(), value(m.getValue()));
			}
			return t;
		}
		if (e.isJsonArray()) {
			List<Object> list = new ArrayList<>();
			for (JsonElement x : e.getAsJsonArray()) {
				Object v = value(x);
				if (v != null) {
					list.add(v);
				}
			}
			return list;
		}
		if (e.isJsonNull()) {
			return null;
		}
		JsonPrimitive p = e.getAsJsonPrimitive();
		if (p.isBoolean()) {
			return p.getAsBoolean();
		}
		if (p.isNumber()) {
			String s = p.getAsString();
			boolean integral = s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0;
			if (integral) {
				try {
					return Long.parseLong(s);
				} catch (NumberFormatException tooLong) {
					// falls through to double
				}
			}
			return p.getAsDouble();
		}
		return p.getAsString();
	}

	/** @return the text of a JSON dataset: the first string of a string dataset, or uint8 bytes as UTF-8 */
	static String text(ArrayNode node, Path file) {
		long[] shape = node.shape();
		if (node.dtype() == DType.STRING) {
			if (node.size() > MAX_STRINGS) { // strings are read whole: a forged dataspace must not be
				throw new VeloxException(file, node.path(), "a JSON block of " + node.size() + " strings; Velox writes one");
			}
			int[] count = new int[shape.length];
			for (int i = 0; i < count.length; i++) {
				if (shape[i] == 0) {
					return null;
				}
				count[i] = 1;
			}
			Object v = node.source().read(new long[shape.length], count).getObjectAbs(0);
			return v == null ? null : v.toString();
		}
		if ((node.dtype() == DType.UINT8 || node.dtype() == DType.INT8) && shape.length >= 1) {
			return column(node, null, 0, file);
		}
		throw new VeloxException(file, node.path(), "unsupported JSON container: " + node.dtype().numpyName() + " data");
	}

	/**
	 * @return column {@code frame} of a uint8 {@code (bytes, frames)} dataset as UTF-8 text, up to its
	 *         first NUL; through {@link ColumnChunks} when the stored dataset is given and chunked so
	 */
	static String column(ArrayNode node, Hdf5Dataset stored, int frame, Path file) {
		long[] shape = node.shape();
		if (shape.length < 1 || shape.length > 2 || shape[0] > MAX_BYTES || frame < 0 || shape.length == 2 && frame >= shape[1]) {
			throw new VeloxException(file, node.path(), "not a JSON byte block with column " + frame + ": shape "
					+ java.util.Arrays.toString(shape));
		}
		ColumnChunks chunks = stored == null || node.dtype().itemSize() != 1 ? null : ColumnChunks.of(file, node, stored);
		java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
		if (chunks != null) {
			for (long c = 0; c * chunks.chunkRows() < shape[0]; c++) {
				java.nio.ByteBuffer b = chunks.chunk(c, frame);
				while (b.hasRemaining()) {
					byte v = b.get();
					if (v == 0) {
						return text.toString(StandardCharsets.UTF_8);
					}
					text.write(v);
				}
			}
			return text.toString(StandardCharsets.UTF_8);
		}
		long[] start = shape.length == 2 ? new long[] { 0, frame } : new long[] { 0 };
		int[] count = shape.length == 2 ? new int[] { (int) shape[0], 1 } : new int[] { (int) shape[0] };
		Dataset d = node.source().read(start, count);
		for (int i = 0; i < d.getSize(); i++) {
			long b = d.getElementLongAbs(i);
			if (b == 0) {
				break;
			}
			text.write((int) b);
		}
		return text.toString(StandardCharsets.UTF_8);
	}
}
