/**
 * HyperSpy's {@code .hspy} format in Ronchi: the one owner of HyperSpy knowledge. {@link
 * org.ronchi.io.hspy.HyperSpyMetadata} maps HyperSpy's metadata dictionary to the standard schema and
 * back (the key correspondence is {@code mappings/hspy.map}; the NeXus bundle uses it for the HyperSpy
 * metadata HyperSpy writes into NeXus files); {@link org.ronchi.io.hspy.HspyVersion} is the file format
 * version, {@link org.ronchi.io.hspy.HyperSpyStorage} how HyperSpy stores a signal's
 * data (at least 1-D, chunked). The loader and writer services ({@code internal}) are found through the registries: the
 * loader reads file versions 1.0 to 3.1 as HyperSpy 1.7 does (docs/formats/hspy.md), the writer ({@code
 * ronchi convert --to hspy}) writes version 3.1 files HyperSpy 1.7 opens. Errors are
 * {@link org.ronchi.io.hspy.HspyException}s naming the file, the group and the rule.
 */
package org.ronchi.io.hspy;
