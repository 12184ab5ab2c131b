package org.ronchi.processing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.model.Axis;

/**
 * How the navigation grid of NAV outputs derives from the input's, applied in this order: crop to a
 * window ({@code start}, {@code count}), keep every {@code step}-th position, sum blocks of
 * {@code bin} positions (a remainder is dropped, as py4DSTEM's bin_R does), then pad with
 * {@code padBefore}/{@code padAfter} positions. The engine reads only the window, partitions along
 * whole step×bin blocks, delivers only the kept positions and tells each partition where its output
 * goes, so crop/thin/bin/pad in R are operations like any other.
 */
public record NavTransform(long[] start, long[] count, int[] step, int[] bin, long[] padBefore, long[] padAfter) {

	/** The identity on a grid of this shape. */
	public static NavTransform identity(long[] navShape) {
		int n = navShape.length;
		int[] ones = new int[n];
		Arrays.fill(ones, 1);
		return new NavTransform(new long[n], navShape.clone(), ones, ones.clone(), new long[n], new long[n]);
	}

	public NavTransform {
		start = start.clone();
		count = count.clone();
		step = step.clone();
		bin = bin.clone();
		padBefore = padBefore.clone();
		padAfter = padAfter.clone();
	}

	public NavTransform crop(long[] newStart, long[] newCount) {
		return new NavTransform(newStart, newCount, step, bin, padBefore, padAfter);
	}

	public NavTransform thin(int[] newStep) {
		return new NavTransform(start, count, newStep, bin, padBefore, padAfter);
	}

	public NavTransform bin(int[] factors) {
		return new NavTransform(start, count, step, factors, padBefore, padAfter);
	}

	public NavTransform pad(long[] before, long[] after) {
		return new NavTransform(start, count, step, bin, before, after);
	}

	public int rank() {
		return start.length;
	}

	/** @return positions kept after thinning along dim d */
	public long thinned(int d) {
		return (count[d] + step[d] - 1) / step[d];
	}

	/** @return the shape of NAV outputs */
	public long[] outShape() {
		long[] s = new long[rank()];
		for (int d = 0; d < s.length; d++) {
			s[d] = thinned(d) / bin[d] + padBefore[d] + padAfter[d];
		}
		return s;
	}

	/** @return input positions per output position along d: what partitions align to */
	public int block(int d) {
		return step[d] * bin[d];
	}

	public boolean isIdentity() {
		for (int d = 0; d < rank(); d++) {
			if (start[d] != 0 || step[d] != 1 || bin[d] != 1 || padBefore[d] != 0 || padAfter[d] != 0) {
				return false;
			}
		}
		return true;
	}

	/** @return the output navigation axes: offsets and scales follow crop, thin, bin (block centre) and pad */
	public List<Axis> outAxes(List<Axis> in) {
		List<Axis> out = new ArrayList<>();
		long[] shape = outShape();
		for (int d = 0; d < rank(); d++) {
			Axis a = in.get(d);
			if (!a.isLinear()) {
				out.add(Axis.index(a.name(), shape[d]).withNavigate(true));
				continue;
			}
			double scale = a.scale() * step[d] * bin[d];
			double offset = a.coordinate(start[d]) + a.scale() * step[d] * (bin[d] - 1) / 2.0 - padBefore[d] * scale;
			out.add(new Axis(a.name(), a.units(), shape[d], scale, offset, null, true));
		}
		return out;
	}
}
