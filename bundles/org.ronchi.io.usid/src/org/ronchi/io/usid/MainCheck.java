package org.ronchi.io.usid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;

/**
 * pyUSID's {@code check_if_main} (DM-19), except that it says why: a Main dataset is 2-D, has the
 * attributes {@code quantity} and {@code units}, and four object-reference attributes
 * {@code Position_Indices}, {@code Position_Values}, {@code Spectroscopic_Indices},
 * {@code Spectroscopic_Values}, each resolving to a dataset; the position pair has equal shapes with
 * as many rows as the Main dataset, the spectroscopic pair equal shapes with as many columns. Like the
 * reference it never throws.
 */
public final class MainCheck {
	public static final String POS_INDS = "Position_Indices";
	public static final String POS_VALS = "Position_Values";
	public static final String SPEC_INDS = "Spectroscopic_Indices";
	public static final String SPEC_VALS = "Spectroscopic_Values";
	public static final List<String> ANCILLARIES = List.of(POS_INDS, POS_VALS, SPEC_INDS, SPEC_VALS);

	private MainCheck() {
	}

	/** @return true if the node is a Main dataset */
	public static boolean isMain(Node n) {
		return n instanceof ArrayNode a && check(a).isEmpty();
	}

	/** @return the rules the dataset breaks, empty if it is a Main dataset */
	public static List<String> check(ArrayNode main) {
		List<String> why = new ArrayList<>();
		if (main.rank() != 2) {
			why.add("it is " + main.rank() + "-D, a Main dataset is 2-D (positions x spectroscopic steps)");
		}
		for (String a : List.of("quantity", "units")) {
			if (main.attribute(a) == null) {
				why.add("attribute '" + a + "' is missing");
			}
		}
		ArrayNode[] anc = new ArrayNode[4];
		for (int i = 0; i < 4; i++) {
			anc[i] = ancillary(main, ANCILLARIES.get(i), why);
		}
		if (why.isEmpty()) {
			pair(main, anc[0], anc[1], 0, why);
			pair(main, anc[2], anc[3], 1, why);
		}
		return why;
	}

	private static void pair(ArrayNode main, ArrayNode inds, ArrayNode vals, int axis, List<String> why) {
		String side = axis == 0 ? "position" : "spectroscopic";
		if (inds.rank() != 2 || vals.rank() != 2) {
			why.add(side + " ancillaries must be 2-D: " + inds.path() + " is " + Arrays.toString(inds.shape()) + ", "
					+ vals.path() + " is " + Arrays.toString(vals.shape()));
			return;
		}
		if (!Arrays.equals(inds.shape(), vals.shape())) {
			why.add(side + " indices " + Arrays.toString(inds.shape()) + " and values " + Arrays.toString(vals.shape())
					+ " differ in shape");
		} else if (inds.shape()[axis] != main.shape()[axis]) {
			why.add(side + " ancillaries have " + inds.shape()[axis] + (axis == 0 ? " rows" : " columns") + " but the Main dataset has "
					+ main.shape()[axis]);
		}
	}

	/** @return the dataset the reference attribute points to, or null after adding why not */
	static ArrayNode ancillary(ArrayNode main, String attr, List<String> why) {
		Object v = main.attribute(attr);
		if (v == null) {
			why.add("attribute '" + attr + "' is missing");
			return null;
		}
		if (!(v instanceof Reference ref)) {
			why.add("attribute '" + attr + "' is not an object reference (" + v.getClass().getSimpleName() + ")");
			return null;
		}
		Node target = ref.targetPath() == null ? null : root(main).resolve(ref.targetPath());
		if (target == null) {
			why.add("attribute '" + attr + "' points nowhere (" + ref + ")");
			return null;
		}
		if (!(target instanceof ArrayNode a)) {
			why.add("attribute '" + attr + "' points to " + target.path() + ", a group, not a dataset");
			return null;
		}
		return a;
	}

	static Group root(Node n) {
		Group g = n.parent();
		if (g == null) {
			return n instanceof Group self ? self : new Group("");
		}
		while (g.parent() != null) {
			g = g.parent();
		}
		return g;
	}
}
