package org.ronchi.headless.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.ronchi.processing.ProcessingException;

/**
 * PNG previews of 2-D results: grey levels stretched between the 0.5th and 99.5th percentiles
 * (optionally of log(1 + v)), and DPC as colour (hue = direction, brightness = magnitude). Small
 * images are enlarged by whole pixels to at least 256 pixels, so they are visible.
 */
public final class Previews {
	private Previews() {
	}

	public static void grey(Path file, double[] v, int h, int w, boolean log) {
		double[] s = new double[v.length];
		for (int i = 0; i < v.length; i++) {
			s[i] = log ? Math.log1p(Math.max(0, v[i])) : v[i];
		}
		double[] sorted = Arrays.stream(s).filter(x -> !Double.isNaN(x)).sorted().toArray();
		double lo = sorted.length == 0 ? 0 : sorted[(int) (0.005 * (sorted.length - 1))];
		double hi = sorted.length == 0 ? 1 : sorted[(int) (0.995 * (sorted.length - 1))];
		int k = scale(h, w);
		BufferedImage img = new BufferedImage(w * k, h * k, BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < h * k; y++) {
			for (int x = 0; x < w * k; x++) {
				double t = hi > lo ? (s[(y / k) * w + x / k] - lo) / (hi - lo) : 0.5;
				int g = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)));
				img.getRaster().setSample(x, y, 0, g);
			}
		}
		write(img, file);
	}

	public static void vectors(Path file, double[] vy, double[] vx, int h, int w) {
		double max = 0;
		for (int i = 0; i < vy.length; i++) {
			max = Math.max(max, Math.hypot(vy[i], vx[i]));
		}
		int k = scale(h, w);
		BufferedImage img = new BufferedImage(w * k, h * k, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < h * k; y++) {
			for (int x = 0; x < w * k; x++) {
				int i = (y / k) * w + x / k;
				float hue = (float) ((Math.atan2(vy[i], vx[i]) / (2 * Math.PI) + 1) % 1);
				float bright = max == 0 || Double.isNaN(vy[i]) ? 0 : (float) (Math.hypot(vy[i], vx[i]) / max);
				img.setRGB(x, y, java.awt.Color.HSBtoRGB(hue, 1f, bright));
			}
		}
		write(img, file);
	}

	private static int scale(int h, int w) {
		return Math.max(1, (int) Math.ceil(256.0 / Math.max(1, Math.min(h, w))));
	}

	private static void write(BufferedImage img, Path file) {
		try {
			if (!ImageIO.write(img, "png", file.toFile())) {
				throw new IOException("no PNG writer");
			}
		} catch (IOException e) {
			throw new ProcessingException(file, null, "cannot write the preview: " + e.getMessage(), e);
		}
	}
}
