package org.ronchi.io.velox.internal.stream;

/**
 * Which frames of a stream a spectrum image shows and how: frames {@code [first, last)} (last
 * {@link #TO_END} when the file does not say how many it holds: every frame the stream has), summed
 * into one cube or kept as a leading frame axis; channels summed in groups of {@code rebin}.
 * These are RosettaSciIO's {@code first_frame}, {@code last_frame}, {@code sum_frames} and
 * {@code rebin_energy}.
 */
public record FrameSelection(int first, int last, boolean sum, int rebin) {
	/** No upper frame bound: read to the end of the stream (only when frames are summed). */
	public static final int TO_END = Integer.MAX_VALUE;

	public FrameSelection {
		if (first < 0 || last <= first || rebin < 1) {
			throw new IllegalArgumentException("frames [" + first + ", " + last + "), rebin " + rebin);
		}
		if (!sum && last == TO_END) {
			throw new IllegalArgumentException("frames kept apart need a known frame count");
		}
	}

	/** @return the number of frames on the frame axis (only when frames are not summed) */
	public int count() {
		return last - first;
	}
}
