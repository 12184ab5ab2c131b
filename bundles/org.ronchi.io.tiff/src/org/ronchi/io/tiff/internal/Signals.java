package org.ronchi.io.tiff.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ronchi.core.io.FileBytes;
import org.ronchi.core.lazy.ChunkCache;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.io.tiff.codec.Compression;
import org.ronchi.io.tiff.image.PageLayout;
import org.ronchi.io.tiff.image.TiffArraySource;
import org.ronchi.io.tiff.meta.Calibrations;
import org.ronchi.io.tiff.meta.PageMetadata;
import org.ronchi.io.tiff.meta.StandardMetadata;
import org.ronchi.io.tiff.vendor.Calibration;
import org.ronchi.io.tiff.vendor.DmTiffTags;
import org.ronchi.io.tiff.vendor.FeiIni;
import org.ronchi.io.tiff.vendor.ImageJDescription;
import org.ronchi.io.tiff.vendor.Vendor;

/**
 * Turns a group of pages into one signal: navigation axes (an ImageJ hyperstack's frames, slices and
 * channels, or plain page order), the page's calibrated axes, the FEI databar, and both metadata trees,
 * read from the group's first page.
 */
final class Signals {
	private final Path path;
	private final FileBytes ch;
	private final LoaderOptions opts;
	private final ChunkCache cache;
	private final List<String> warnings;

	Signals(Path path, FileBytes ch, LoaderOptions opts, ChunkCache cache, List<String> warnings) {
		this.path = path;
		this.ch = ch;
		this.opts = opts;
		this.cache = cache;
		this.warnings = warnings;
	}

	ArrayNode build(List<PageLayout> group) {
		PageLayout first = group.get(0);
		PageMetadata pm = PageMetadata.read(first.ifd(), warnings);
		MetadataTree ij = pm.vendor(Vendor.IMAGEJ);
		List<PageLayout> pages = ij != null ? imageJPages(ij, group) : group;
		Nav nav = nav(ij, pages.size());
		Calibration cal = Calibrations.of(pm, first.width(), opts.resolutionTags());

		int height = first.height();
		Integer databar = null;
		MetadataTree fei = pm.vendor(Vendor.FEI);
		Integer scanned = fei == null ? null : FeiIni.scannedRows(fei);
		if (scanned != null && scanned < height) {
			databar = height - scanned;
			warnings.add("FEI databar: the last " + databar + " of " + height + " rows of page " + first.pageNumber()
					+ " are the instrument's info bar ([Image]ResolutionY = " + scanned + ")"
					+ (opts.cropDatabar() ? "; cropped" : "; open with crop_databar=true to remove them"));
			if (opts.cropDatabar()) {
				height = scanned;
			}
		}
		TiffArraySource source = new TiffArraySource(ch, pages, nav.shape(), height, cache);
		ArrayNode node = new ArrayNode("page" + first.pageNumber(), source);
		node.axes(axes(first, nav, height, cal, ij));

		MetadataTree std = StandardMetadata.build(pm, path.getFileName().toString(), warnings);
		String title = title(std);
		std.set("general.title", title);
		node.title(title).kind(kind(first, nav.shape())).metadata(std).originalMetadata(pm.original());
		String units = DmTiffTags.intensityUnits(first.ifd());
		node.quantity("Intensity", units == null ? "" : units);
		node.attribute("pages", group.stream().mapToInt(PageLayout::pageNumber).toArray());
		node.attribute("compression", first.compression() + Compression.name(first.compression()));
		node.attribute("photometric", first.photometric());
		if (!cal.source().isEmpty()) {
			node.attribute("calibration", cal.source());
		}
		if (databar != null) {
			node.attribute("databar_rows", databar);
			node.attribute("databar_cropped", opts.cropDatabar());
		}
		return node;
	}

	/** The detector's name where the vendor gives one (FEI "ETD", Zeiss "HE-SE2"), else the file name. */
	private String title(MetadataTree std) {
		String t = Attributes.asString(std.get("general.title"));
		if (t == null || t.isBlank()) {
			t = Attributes.asString(std.get("acquisition.detector.name"));
		}
		if (t == null || t.isBlank()) {
			String n = path.getFileName().toString();
			int dot = n.lastIndexOf('.');
			t = dot > 0 ? n.substring(0, dot) : n;
		}
		return t;
	}

	private static String kind(PageLayout p, long[] nav) {
		if (p.samples() > 1 && p.photometric() == PageLayout.PHOTOMETRIC_RGB || p.photometric() == PageLayout.PHOTOMETRIC_YCBCR) {
			return nav.length == 0 ? "rgb-image" : "rgb-image-stack";
		}
		return nav.length == 0 ? "image" : "image-stack";
	}

	/**
	 * ImageJ writes stacks larger than 4 GB (and some smaller ones) as one IFD followed by the other pages'
	 * pixels back to back; {@code images=N} says how many there are.
	 */
	private List<PageLayout> imageJPages(MetadataTree ij, List<PageLayout> group) {
		int images = ImageJDescription.count(ij, "images", 1);
		PageLayout p = group.get(0);
		if (group.size() != 1 || images <= 1 || p.compression() != Compression.NONE) {
			return group;
		}
		long[][] st = p.storage();
		long start = st[0][0];
		long pageBytes = p.pageBytes();
		for (int i = 1; i < st[0].length; i++) {
			if (st[0][i] != st[0][i - 1] + p.block(i - 1, 0).bytes()) {
				return group; // not contiguous: the other pages cannot be located
			}
		}
		long fit = (ch.size() - start) / pageBytes;
		if (fit < images) {
			warnings.add("ImageJ stack declares " + images + " images but the file holds " + fit + "; reading " + fit);
		}
		int n = (int) Math.min(images, fit);
		// made on demand: a forged images= must not become millions of objects at open
		return new java.util.AbstractList<PageLayout>() {
			@Override
			public PageLayout get(int i) {
				return i == 0 ? p : p.shifted(i * pageBytes, i);
			}

			@Override
			public int size() {
				return n;
			}
		};
	}

	/** Navigation dimensions, slowest first, with their axis names. */
	private record Nav(long[] shape, String[] names) {
	}

	/**
	 * ImageJ hyperstacks are stored channel fastest, then slice, then frame: navigation (time, depth,
	 * channel), size-1 dimensions dropped. Other stacks, and ImageJ counts that do not match the pages, are
	 * one "frame" axis.
	 */
	private static Nav nav(MetadataTree ij, int pages) {
		if (pages == 1) {
			return new Nav(new long[0], new String[0]);
		}
		if (ij != null) {
			int[] counts = { ImageJDescription.count(ij, "frames", 1), ImageJDescription.count(ij, "slices", 1),
					ImageJDescription.count(ij, "channels", 1) };
			String[] names = { "time", "depth", "channel" };
			if ((long) counts[0] * counts[1] * counts[2] == pages) {
				List<Long> shape = new ArrayList<>();
				List<String> named = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					if (counts[i] > 1) {
						shape.add((long) counts[i]);
						named.add(names[i]);
					}
				}
				return new Nav(shape.stream().mapToLong(Long::longValue).toArray(), named.toArray(String[]::new));
			}
		}
		return new Nav(new long[] { pages }, new String[] { "frame" });
	}

	private static List<Axis> axes(PageLayout p, Nav nav, int height, Calibration cal, MetadataTree ij) {
		List<Axis> axes = new ArrayList<>();
		Double interval = ij == null ? null : Attributes.asDouble(ij.child("finterval"));
		for (int i = 0; i < nav.shape().length; i++) {
			String name = nav.names()[i];
			long n = nav.shape()[i];
			Axis a = switch (name) {
			case "depth", "frame" -> Axis.linear(name, cal.z().unit(), n, cal.z().scale(), cal.z().offset());
			case "time" -> interval != null && interval > 0 ? Axis.linear(name, "s", n, interval, 0) : Axis.index(name, n);
			default -> Axis.index(name, n);
			};
			axes.add(a.withNavigate(true));
		}
		Axis y = Axis.linear("y", cal.y().unit(), height, cal.y().scale(), cal.y().offset());
		Axis x = Axis.linear("x", cal.x().unit(), p.width(), cal.x().scale(), cal.x().offset());
		if (p.samples() > 1 && p.planarSeparate()) {
			axes.add(Axis.index("channel", p.samples()));
		}
		axes.add(y);
		axes.add(x);
		if (p.samples() > 1 && !p.planarSeparate()) {
			axes.add(Axis.index("channel", p.samples()));
		}
		return axes;
	}
}
