package org.ronchi.processing.tests;

import java.util.List;

import org.ronchi.core.lazy.RecordType.Field;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.PointBuffer;
import org.ronchi.processing.Setup;

/**
 * A test operation that emits point lists: per frame, every pixel above a threshold as a record
 * (qy, qx as float32 pixel coordinates, the value as float64, its rank among them as uint16), plus how
 * many there are (NAV), which the point lists' counts must equal.
 */
final class BrightPixels implements Operation {

	@Override
	public String id() {
		return "test.bright-pixels";
	}

	@Override
	public String name() {
		return "Bright pixels";
	}

	@Override
	public String description() {
		return "the pixels of each frame above a threshold";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.number("threshold", "counts", 900.0, "pixels above this are listed"));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2);
	}

	@Override
	public Kernel prepare(Setup s) {
		s.declare(BufferSpec.points("pixels", new Field("qy", DType.FLOAT32, "px"), new Field("qx", DType.FLOAT32, "px"),
				Field.of("intensity", DType.FLOAT64), Field.of("rank", DType.UINT16)).title("bright pixels"));
		s.declare(BufferSpec.nav("count", DType.INT64));
		double threshold = s.params().number("threshold");
		int w = s.input().sigShape()[1];
		return new Kernel() {
			@Override
			public void processFrame(Frame f, BufferSet out) {
				double[] v = f.doubles();
				PointBuffer p = out.points("pixels");
				int rank = 0;
				for (int i = 0; i < v.length; i++) {
					if (v[i] > threshold) {
						p.add(f.index(), i / w, i % w, v[i], rank++);
					}
				}
				out.get("count").longs()[f.index()] = rank;
			}
		};
	}
}
