package org.ronchi.io.dm.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileBytes;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.io.dm.DmFormatException;
import org.ronchi.io.dm.image.DmImage;
import org.ronchi.io.dm.tags.DmHeader;
import org.ronchi.io.dm.tags.TagFile;

/**
 * Reads Gatan DigitalMicrograph DM3 and DM4 files. Opening reads the tag tree (image data stays on disk)
 * and makes one signal per image of ImageList, in file order, skipping the thumbnails listed under
 * Thumbnails. Each signal is a child of the root named after the image. No options.
 * <p>
 * See docs/formats/dm.md for the structures, the axis order and what is not supported.
 */
@Component(service = FileLoader.class)
public class DmLoader implements FileLoader {
	public static final String NAME = "DigitalMicrograph";

	public DmLoader() {
		// DS needs a public no-arg constructor
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> extensions() {
		return List.of("dm3", "dm4");
	}

	@Override
	public int probe(FileProbe probe) {
		return DmHeader.looksLike(probe.head()) ? SPECIFIC : 0;
	}

	@Override
	public DataFile open(Path path, Map<String, Object> options) {
		FileChannel channel;
		try {
			channel = FileChannel.open(path, StandardOpenOption.READ);
		} catch (IOException e) {
			throw new RonchiException(path, null, "cannot be opened: " + e.getMessage(), e);
		}
		try {
			return read(path, channel);
		} catch (RuntimeException e) {
			close(channel);
			if (e instanceof RonchiException) {
				throw e;
			}
			throw new DmFormatException(path, null, "cannot be read: " + e, e);
		}
	}

	private static DataFile read(Path path, FileChannel channel) {
		TagFile tags = TagFile.read(path, channel);
		Group root = Group.root();
		DataFile file = new DataFile(path, NAME, Integer.toString(tags.header().version()), root, channel);
		file.originalMetadata().merge(tags.root());
		String fileName = path.getFileName() == null ? path.toString() : path.getFileName().toString();
		file.metadata().set("general.original_filename", fileName);
		if (!(tags.root().child("ImageList") instanceof MetadataTree images)) {
			file.warn("no ImageList: the file holds no images");
			return file;
		}
		Set<String> thumbnails = thumbnails(tags.root());
		Set<String> names = new HashSet<>();
		FileBytes bytes = FileBytes.of(path, channel, DmFormatException::new); // the image data, through the same channel
		for (Map.Entry<String, Object> e : images.entries().entrySet()) {
			if (thumbnails.contains(e.getKey()) || !(e.getValue() instanceof MetadataTree entry)) {
				continue;
			}
			DmImage image = DmImage.read(path, tags, e.getKey(), entry);
			if (image == null) {
				file.warn("ImageList/" + e.getKey() + " has no ImageData; skipped");
				continue;
			}
			String id = "signal:" + file.signals().size();
			file.addSignal(root.add(DmSignal.create(bytes, tags, image, unique(image.name(), e.getKey(), names),
					fileName, w -> file.warn(id + ": " + w))));
		}
		return file;
	}

	/** @return the ImageList keys of thumbnails (Thumbnails/N/ImageIndex), which DM writes as image 0 */
	private static Set<String> thumbnails(MetadataTree root) {
		Set<String> out = new HashSet<>();
		if (root.child("Thumbnails") instanceof MetadataTree list) {
			for (Object t : list.entries().values()) {
				if (t instanceof MetadataTree th) {
					Double index = Attributes.asDouble(th.child("ImageIndex"));
					if (index != null) {
						out.add(Long.toString(index.longValue()));
					}
				}
			}
		}
		return out;
	}

	/** @return a node name from the image name: no '/', not empty, unique in the file */
	private static String unique(String name, String key, Set<String> taken) {
		String base = name.isBlank() ? "image" + key : name.replace('/', '_');
		String n = base;
		for (int i = 2; !taken.add(n); i++) {
			n = base + " (" + i + ")";
		}
		return n;
	}

	private static void close(FileChannel channel) {
		try {
			channel.close();
		} catch (IOException e) {
			// opened read-only; nothing to flush
		}
	}
}
