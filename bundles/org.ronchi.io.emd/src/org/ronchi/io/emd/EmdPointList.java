package org.ronchi.io.emd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;

/**
 * An EMD 1.0 PointList: a structured array stored column by column, one 1-D dataset per field (in
 * group order), each with attribute {@code dtype} (the NumPy type, e.g. "float64"). All fields have the
 * same length. {@link #table()} shows it as a (length x fields) float64 array.
 */
public final class EmdPointList extends EmdNode {
	/** Kind of the table view a loader may add to the group; such a node is not a field. */
	public static final String KIND = "pointlist";

	private final List<ArrayNode> fields = new ArrayList<>();

	EmdPointList(Path file, Group g, String type) {
		super(file, g, type);
		long length = -1;
		for (Node n : g.children()) {
			if (n instanceof ArrayNode a && !KIND.equals(a.kind())) {
				if (a.rank() != 1) {
					throw new EmdException(file, a.path(), "a PointList field is 1-D, this one has rank " + a.rank());
				}
				if (!a.dtype().isNumeric() || a.dtype().isComplex()) {
					throw new EmdException(file, a.path(), "PointList field of unsupported type " + a.dtype().numpyName());
				}
				if (length >= 0 && a.shape()[0] != length) {
					throw new EmdException(file, a.path(), "field has " + a.shape()[0] + " points, the others " + length);
				}
				length = a.shape()[0];
				fields.add(a);
			}
		}
	}

	public List<ArrayNode> fields() {
		return Collections.unmodifiableList(fields);
	}

	public List<String> fieldNames() {
		return fields.stream().map(ArrayNode::name).toList();
	}

	/** @return the number of points */
	public long length() {
		return fields.isEmpty() ? 0 : fields.get(0).shape()[0];
	}

	/** @return the points as a lazy (length x fields) float64 table, columns in field order */
	public ArrayNode table() {
		ArrayNode t = new ArrayNode(name(), new PointListSource(fields)).kind(KIND);
		t.attribute("fields", fieldNames().toArray(String[]::new));
		return t;
	}

	/** @return the field's NumPy type as the {@code dtype} attribute says, else as stored */
	public static String fieldType(ArrayNode field) {
		String t = field.stringAttribute("dtype");
		return t != null ? t : field.dtype().numpyName();
	}
}
