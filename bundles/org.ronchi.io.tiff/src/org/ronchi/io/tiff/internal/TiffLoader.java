package org.ronchi.io.tiff.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.io.tiff.TiffException;
import org.ronchi.io.tiff.format.Ifd;
import org.ronchi.io.tiff.format.TiffHeader;
import org.ronchi.io.tiff.image.PageGroups;
import org.ronchi.io.tiff.image.PageLayout;
import org.ronchi.io.tiff.image.TiffArraySource;

/**
 * SEM/TEM TIFF: baseline and BigTIFF, multi-page, strips or tiles, uncompressed, LZW, Deflate, PackBits or
 * JPEG, with the metadata of FEI/Thermo, Zeiss, DigitalMicrograph, ImageJ, TVIPS, JEOL SightX and Olympus
 * SIS mapped to the standard schema. Options: {@value LoaderOptions#CROP_DATABAR},
 * {@value LoaderOptions#PAGES_AS_SIGNALS}, {@value LoaderOptions#RESOLUTION_TAGS} (see {@link LoaderOptions}).
 */
@Component(service = FileLoader.class)
public class TiffLoader implements FileLoader {

	@Override
	public String name() {
		return "TIFF";
	}

	@Override
	public List<String> extensions() {
		return List.of("tif", "tiff");
	}

	@Override
	public List<FormatOption> options() {
		return List.of(FormatOption.bool(LoaderOptions.CROP_DATABAR, false, "FEI/Thermo images: drop the rows below [Image]ResolutionY (the info bar)"),
				FormatOption.bool(LoaderOptions.PAGES_AS_SIGNALS, false, "one signal per page even when pages could stack (HyperSpy's multipage_as_list)"),
				FormatOption.bool(LoaderOptions.RESOLUTION_TAGS, false,
						"calibrate pages without vendor calibration from XResolution/ResolutionUnit (HyperSpy's force_read_resolution)"));
	}

	/** A valid byte-order mark and version and a first IFD inside the file: the format is TIFF itself. */
	@Override
	public int probe(FileProbe probe) {
		try {
			byte[] h = probe.head();
			ByteOrder order = TiffHeader.sniff(h);
			if (order == null) {
				return 0;
			}
			ByteBuffer b = ByteBuffer.wrap(h).order(order);
			boolean big = (b.getShort(2) & 0xffff) == 43;
			long first = big ? (h.length >= 16 ? b.getLong(8) : -1) : b.getInt(4) & 0xffffffffL;
			return first >= 8 && first < probe.size() ? SPECIFIC : 0;
		} catch (RuntimeException e) {
			return 0; // a probe never throws
		}
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		LoaderOptions opts = LoaderOptions.of(path, options);
		FileBytes ch = FileBytes.open(path, TiffException::new);
		try {
			return read(path, ch, opts);
		} catch (RonchiException e) {
			ch.close();
			throw e;
		} catch (RuntimeException e) {
			// a decoder bug must still surface as this bundle's error, naming the file
			ch.close();
			throw new TiffException(path, null, "unexpected error while opening: " + e, e);
		}
	}

	private DataFile read(Path path, FileBytes ch, LoaderOptions opts) {
		TiffHeader header = TiffHeader.read(ch);
		List<String> warnings = new ArrayList<>();
		List<Ifd> ifds = Ifd.readChain(ch, header, warnings);
		List<PageLayout> pages = new ArrayList<>();
		for (Ifd ifd : ifds) {
			try {
				PageLayout p = PageLayout.of(ifd);
				p.storage(); // validates offsets and sizes against the file before anything is read
				pages.add(p);
			} catch (TiffException e) {
				if (ifds.size() == 1) {
					throw e;
				}
				warnings.add("page " + ifd.index() + " skipped: " + e.getMessage());
			}
		}
		if (pages.isEmpty()) {
			throw new TiffException(path, null, "no page can be read (" + String.join("; ", warnings) + ")");
		}
		int skipped = PageGroups.skipped(pages);
		if (skipped > 0) {
			warnings.add(skipped + " reduced-resolution page(s) (thumbnails) skipped");
		}
		Group root = Group.root();
		DataFile file = new DataFile(path, name(), header.describe(), root, ch);
		Signals signals = new Signals(path, ch, opts, TiffArraySource.newCache(), warnings);
		for (List<PageLayout> group : PageGroups.group(pages, opts.pagesAsSignals())) {
			ArrayNode node = signals.build(group);
			root.add(node);
			file.addSignal(node);
		}
		file.originalMetadata().branch("TIFF header").put("byte_order", header.order().toString())
				.put("BigTIFF", header.big()).put("pages", ifds.size());
		file.metadata().merge(file.signals().get(0).metadata());
		for (String w : new LinkedHashSet<>(warnings)) {
			file.warn(w);
		}
		return file;
	}
}
