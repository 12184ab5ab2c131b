package org.ronchi.io.tiff.meta;

import java.util.List;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.tiff.TiffException;
import org.ronchi.io.tiff.format.FieldType;
import org.ronchi.io.tiff.format.Ifd;
import org.ronchi.io.tiff.format.IfdEntry;
import org.ronchi.io.tiff.format.Tags;

/**
 * A page's tags as original metadata: one key per tag (its name, or its number when it has none), values
 * as stored: text, a number, or an array. Storage tags (strip and tile offsets, JPEG tables) are left out;
 * vendor blocks are decoded by their own readers into their own branches.
 */
final class OriginalTags {
	/** Larger values are summarised: they are data, not metadata. */
	private static final long MAX_BYTES = 1 << 20;

	private OriginalTags() {
	}

	static MetadataTree read(Ifd ifd, java.util.Set<Integer> skip, List<String> warnings) {
		MetadataTree t = new MetadataTree();
		for (IfdEntry e : ifd.entries().values()) {
			if (Tags.isStorage(e.tag()) || skip.contains(e.tag())) {
				continue;
			}
			try {
				t.put(Tags.name(e.tag()), value(ifd, e));
			} catch (TiffException ex) {
				warnings.add("tag " + Tags.name(e.tag()) + " skipped: " + ex.problem() + " (" + ex.where() + ")");
			}
		}
		return t;
	}

	static Object value(Ifd ifd, IfdEntry e) {
		long bytes = e.byteCount();
		if (bytes < 0 || bytes > MAX_BYTES) {
			return e.count() + " values of type " + e.type() + " (not loaded)";
		}
		if (e.type() == FieldType.ASCII) {
			String s = ifd.ascii(e);
			return s.indexOf('\0') >= 0 ? s.split("\0+") : s;
		}
		if (e.type() == FieldType.UNDEFINED || e.type() == FieldType.BYTE || e.type() == FieldType.SBYTE) {
			if (e.count() == 1) {
				return ifd.longs(e)[0];
			}
			byte[] raw = new byte[(int) bytes];
			ifd.bytes(e).get(raw);
			return raw;
		}
		if (e.type().isInteger()) {
			long[] v = ifd.longs(e);
			return v.length == 1 ? (Object) v[0] : v;
		}
		double[] d = ifd.doubles(e);
		return d.length == 1 ? (Object) d[0] : d;
	}
}
