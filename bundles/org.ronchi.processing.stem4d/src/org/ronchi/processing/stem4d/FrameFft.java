package org.ronchi.processing.stem4d;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.model.DType;
import org.ronchi.processing.BufferSet;
import org.ronchi.processing.BufferSpec;
import org.ronchi.processing.Frame;
import org.ronchi.processing.InputSpec;
import org.ronchi.processing.Kernel;
import org.ronchi.processing.Operation;
import org.ronchi.processing.Parameter;
import org.ronchi.processing.Setup;
import org.ronchi.processing.math.Fft2;

/**
 * The 2-D Fourier transform of every frame ({@code np.fft.fft2}, optionally {@code fftshift}ed, after
 * an optional Hann window): complex64, or its amplitude or log(1 + amplitude) as float32. Axes become
 * spatial frequencies (1/units of the frame axes).
 */
@Component(service = Operation.class)
public class FrameFft implements Operation {

	@Override
	public String id() {
		return "stem4d.fft";
	}

	@Override
	public String name() {
		return "FFT of frames";
	}

	@Override
	public String description() {
		return "2-D Fourier transform of each frame: complex, amplitude or log amplitude, optionally windowed and centred.";
	}

	@Override
	public String version() {
		return "1";
	}

	@Override
	public List<Parameter> parameters() {
		return List.of(Parameter.choice("output", "amplitude", "what is stored", "complex", "amplitude", "log"),
				Parameter.bool("shift", true, "put zero frequency in the centre (fftshift)"),
				Parameter.choice("window", "none", "window applied before the transform", "none", "hann"));
	}

	@Override
	public InputSpec input() {
		return InputSpec.frames(2).withComplex();
	}

	@Override
	public Kernel prepare(Setup s) {
		int[] f = s.input().sigShape();
		String output = s.params().string("output");
		boolean shift = s.params().bool("shift");
		DType t = "complex".equals(output) ? DType.COMPLEX64 : DType.FLOAT32;
		s.declare(BufferSpec.nav("data", t).perPosition(f, Geometry.frequencyAxes(s.input(), shift)).title("FFT " + output).arrayKind("datacube"));
		s.workingBytesPerFrame(32L * f[0] * f[1]);
		float[] window = null;
		if ("hann".equals(s.params().string("window"))) {
			window = new float[f[0] * f[1]];
			for (int y = 0; y < f[0]; y++) {
				for (int x = 0; x < f[1]; x++) {
					window[y * f[1] + x] = (float) (hann(y, f[0]) * hann(x, f[1]));
				}
			}
		}
		return new Transform(f[0], f[1], output, shift, window, s.input().dtype().isComplex());
	}

	/** np.hanning(n)[i] */
	private static double hann(int i, int n) {
		return n == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
	}

	private static final class Transform implements Kernel {
		private final int ny;
		private final int nx;
		private final String output;
		private final boolean shift;
		private final float[] window;
		private final boolean complexIn;
		private final ThreadLocal<Fft2> plans;

		Transform(int ny, int nx, String output, boolean shift, float[] window, boolean complexIn) {
			this.ny = ny;
			this.nx = nx;
			this.output = output;
			this.shift = shift;
			this.window = window;
			this.complexIn = complexIn;
			this.plans = ThreadLocal.withInitial(() -> new Fft2(ny, nx));
		}

		@Override
		public void processFrame(Frame f, BufferSet out) {
			int n = ny * nx;
			double[] v = f.doubles();
			double[] re = new double[n];
			double[] im = new double[n];
			for (int i = 0; i < n; i++) {
				re[i] = complexIn ? v[2 * i] : v[i];
				im[i] = complexIn ? v[2 * i + 1] : 0;
				if (window != null) {
					re[i] *= window[i];
					im[i] *= window[i];
				}
			}
			plans.get().transform(re, im, false);
			float[] dst = out.get("data").floats();
			boolean complex = "complex".equals(output);
			int base = f.index() * n * (complex ? 2 : 1);
			for (int y = 0; y < ny; y++) {
				int sy = shift ? Fft2.shiftedSource(y, ny) : y;
				for (int x = 0; x < nx; x++) {
					int sx = shift ? Fft2.shiftedSource(x, nx) : x;
					int src = sy * nx + sx;
					int at = y * nx + x;
					if (complex) {
						dst[base + 2 * at] = (float) re[src];
						dst[base + 2 * at + 1] = (float) im[src];
					} else {
						double a = Math.hypot(re[src], im[src]);
						dst[base + at] = (float) ("log".equals(output) ? Math.log1p(a) : a);
					}
				}
			}
		}
	}
}
