package org.ronchi.io.tiff.meta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.io.tiff.TiffException;
import org.ronchi.io.tiff.format.Ifd;
import org.ronchi.io.tiff.format.Tags;
import org.ronchi.io.tiff.vendor.DmTiffTags;
import org.ronchi.io.tiff.vendor.FeiIni;
import org.ronchi.io.tiff.vendor.IjMetadata;
import org.ronchi.io.tiff.vendor.ImageJDescription;
import org.ronchi.io.tiff.vendor.OlympusSis;
import org.ronchi.io.tiff.vendor.SightX;
import org.ronchi.io.tiff.vendor.TvipsHeader;
import org.ronchi.io.tiff.vendor.Vendor;
import org.ronchi.io.tiff.vendor.ZeissSem;

/**
 * Everything a page says about itself: its tags as original metadata (the "TIFF" branch), each vendor
 * block decoded into a branch of its own ("FEI_HELIOS", "CZ_SEM", "ImageJ", ...), and which vendors were
 * found, in calibration precedence. A vendor block that cannot be decoded is reported and left out; it
 * never stops the pixels from loading.
 */
public final class PageMetadata {
	/** Tags decoded into vendor branches instead of the TIFF branch. */
	private static final Set<Integer> VENDOR_TAGS = Set.of(Tags.FEI_HELIOS, Tags.FEI_SFEG, Tags.CZ_SEM, Tags.TVIPS,
			Tags.OLYMPUS_SIS, Tags.IJ_METADATA, Tags.IJ_METADATA_BYTE_COUNTS, Tags.EXIF_IFD);

	private final Ifd ifd;
	private final MetadataTree original;
	private final Map<Vendor, MetadataTree> vendors;

	private PageMetadata(Ifd ifd, MetadataTree original, Map<Vendor, MetadataTree> vendors) {
		this.ifd = ifd;
		this.original = original;
		this.vendors = vendors;
	}

	public static PageMetadata read(Ifd ifd, List<String> warnings) {
		MetadataTree original = new MetadataTree();
		MetadataTree tiff = OriginalTags.read(ifd, VENDOR_TAGS, warnings);
		original.put("TIFF", tiff);
		Map<Vendor, MetadataTree> vendors = new EnumMap<>(Vendor.class);
		String where = "IFD " + ifd.index();
		try {
			for (int tag : new int[] { Tags.FEI_HELIOS, Tags.FEI_SFEG }) {
				byte[] raw = ifd.raw(tag);
				if (raw != null && !vendors.containsKey(Vendor.FEI)) {
					MetadataTree fei = FeiIni.parse(raw);
					original.put(Tags.name(tag), fei);
					vendors.put(Vendor.FEI, fei);
				}
			}
		} catch (TiffException e) {
			warnings.add("FEI metadata of " + where + " skipped: " + e.problem());
		}
		vendor(Vendor.ZEISS, warnings, where, () -> {
			byte[] raw = ifd.raw(Tags.CZ_SEM);
			return raw == null ? null : ZeissSem.parse(raw);
		}, original, vendors);
		vendor(Vendor.TVIPS, warnings, where,
				() -> ifd.has(Tags.TVIPS) ? TvipsHeader.read(ifd.file(), ifd.order(), ifd.scalar(Tags.TVIPS, -1)) : null, original, vendors);
		vendor(Vendor.OLYMPUS_SIS, warnings, where,
				() -> ifd.has(Tags.OLYMPUS_SIS) ? OlympusSis.read(ifd.file(), ifd.scalar(Tags.OLYMPUS_SIS, -1)) : null,
				original, vendors);
		String description = tiff.child("ImageDescription") instanceof String s ? s : null;
		if (SightX.MAKE.equals(tiff.child("Make"))) {
			vendor(Vendor.JEOL_SIGHTX, warnings, where, () -> SightX.parse(description), original, vendors);
		}
		if (DmTiffTags.present(ifd)) {
			vendors.put(Vendor.DIGITAL_MICROGRAPH, tiff);
		}
		MetadataTree ij = ImageJDescription.parse(description);
		if (ij != null) {
			original.put(Vendor.IMAGEJ.branch(), ij);
			vendors.put(Vendor.IMAGEJ, ij);
			try {
				MetadataTree extra = IjMetadata.parse(ifd.raw(Tags.IJ_METADATA), ifd.longs(Tags.IJ_METADATA_BYTE_COUNTS),
						ifd.order());
				if (extra != null) {
					original.put("IJMetadata", extra);
				}
			} catch (TiffException e) {
				warnings.add("ImageJ metadata of " + where + " skipped: " + e.problem());
			}
		}
		exif(ifd, original, warnings);
		return new PageMetadata(ifd, original, vendors);
	}

	private interface Reader {
		MetadataTree read();
	}

	private static void vendor(Vendor v, List<String> warnings, String where, Reader r, MetadataTree original,
			Map<Vendor, MetadataTree> vendors) {
		try {
			MetadataTree t = r.read();
			if (t != null) {
				original.put(v.branch(), t);
				vendors.put(v, t);
			}
		} catch (TiffException e) {
			warnings.add(v.branch() + " metadata of " + where + " skipped: " + e.problem());
		}
	}

	/** The EXIF sub-IFD (tag 34665): a few camera fields, Olympus writes its dates there. */
	private static void exif(Ifd ifd, MetadataTree original, List<String> warnings) {
		if (!ifd.has(Tags.EXIF_IFD)) {
			return;
		}
		try {
			long at = ifd.scalar(Tags.EXIF_IFD, 0);
			boolean big = ifd.entry(Tags.EXIF_IFD).inline().length == 8;
			Ifd exif = Ifd.read(ifd.file(), ifd.order(), big, at, ifd.index());
			original.put("Exif", OriginalTags.read(exif, Set.of(), warnings));
		} catch (TiffException e) {
			warnings.add("EXIF block of IFD " + ifd.index() + " skipped: " + e.problem());
		}
	}

	public Ifd ifd() {
		return ifd;
	}

	/** @return the original metadata: the TIFF branch and one branch per vendor block */
	public MetadataTree original() {
		return original;
	}

	/** @return the vendor blocks found, in calibration precedence */
	public List<Vendor> vendors() {
		return Collections.unmodifiableList(new ArrayList<>(vendors.keySet()));
	}

	/** @return the decoded block of a vendor, or null */
	public MetadataTree vendor(Vendor v) {
		return vendors.get(v);
	}

	/** @return the TIFF branch */
	public MetadataTree tiff() {
		return (MetadataTree) original.child("TIFF");
	}
}
