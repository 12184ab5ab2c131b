package org.ronchi.processing;

/**
 * What input an operation accepts: how many signal (frame) dimensions, how many navigation dimensions,
 * and whether complex data is allowed. The engine splits the input's axes into navigation and signal
 * axes from this, the axes' {@code navigate} flags, or the request.
 *
 * @param sigRank signal dimensions the operation works on (2 for a diffraction pattern); 0 means any
 *                split: the data's own (its navigate flags), else all but the last two dimensions
 * @param minNavRank fewest navigation dimensions
 * @param maxNavRank most navigation dimensions
 * @param complexAllowed whether complex input is accepted
 * @param points whether the input is point lists (an array node carrying
 *                   {@link org.ronchi.core.model.ArrayNode#pointLists()}, e.g. the Bragg peaks an
 *                   earlier step found) rather than an array: every dimension is then a navigation
 *                   dimension and a kernel reads each position's list with {@link Frame#points()}
 */
public record InputSpec(int sigRank, int minNavRank, int maxNavRank, boolean complexAllowed, boolean points) {

	public InputSpec(int sigRank, int minNavRank, int maxNavRank, boolean complexAllowed) {
		this(sigRank, minNavRank, maxNavRank, complexAllowed, false);
	}

	/** Frames of sigRank dimensions over 0 to 4 navigation dimensions, real data. */
	public static InputSpec frames(int sigRank) {
		return new InputSpec(sigRank, 0, 4, false);
	}

	/** Any array: the split comes from the data. */
	public static InputSpec any() {
		return new InputSpec(0, 0, 32, true);
	}

	/** 4D-STEM: two navigation (scan) and two signal (detector) dimensions. */
	public static InputSpec datacube() {
		return new InputSpec(2, 2, 2, false);
	}

	/**
	 * Point lists over 1 to 4 navigation dimensions, e.g. the {@code peaks} output of
	 * {@code stem4d.bragg-disks} as the input of a later workflow step ({@code "input": "bragg.peaks"}).
	 */
	public static InputSpec pointLists() {
		return new InputSpec(0, 1, 4, false, true);
	}

	public InputSpec withComplex() {
		return new InputSpec(sigRank, minNavRank, maxNavRank, true, points);
	}

	/** @return the requirement in words, for error messages and schemas */
	public String describe() {
		if (points) {
			String n = minNavRank == maxNavRank ? String.valueOf(minNavRank) : minNavRank + " to " + maxNavRank;
			return "point lists (e.g. the peaks of stem4d.bragg-disks) over " + n + " navigation dimensions";
		}
		String nav = minNavRank == maxNavRank ? String.valueOf(minNavRank) : minNavRank + " to " + maxNavRank;
		String sig = sigRank == 0 ? "any number of" : String.valueOf(sigRank);
		return sig + " signal and " + nav + " navigation dimensions" + (complexAllowed ? "" : ", real values");
	}
}
