/**
 * HDF5 reading on jhdf: {@link org.ronchi.hdf5.Hdf5File} opens a file read-only (checking the superblock
 * so truncation is named), converts its tree to the core model, and exposes every dataset as a lazy
 * array whose slices decode only the chunks they touch ({@code Hdf5ArraySource}: positional reads for
 * contiguous data, parallel chunk decoding with an LRU cache for chunked data — jhdf's own slice API
 * returns nested Java arrays and decodes chunks serially). {@link org.ronchi.hdf5.Hdf5Loader} is the
 * generic HDF5 loader service. Writing lives in {@code org.ronchi.hdf5.writer}.
 * <p>
 * This package is the whole of HDF5 reading that other bundles see: a format reader that needs more
 * than values (a dataset's chunks, filters, record type, variable-length records; an object's
 * identity) asks {@link org.ronchi.hdf5.Hdf5Dataset} and {@link org.ronchi.hdf5.Hdf5File#address}.
 * <p>
 * {@code BoxRuns} computes, once for every copy path, how a box falls into a chunk or the dataset as
 * runs (trailing dimensions whole on both sides merge into one run). {@code ChunkDecoder} decodes
 * deflate/shuffle chunks itself from jhdf's raw chunk bytes with a reused Inflater, inflating straight
 * into the target when a chunk is one run of the box: jhdf's deflate filter is about 1.6× slower.
 * <p>
 * jhdf 0.13.0 is embedded in this bundle ({@code lib/jhdf-0.13.0.jar}, copied from Maven Central by the
 * build), not exported, instead of used as its own bundle, for one reason: its
 * {@code io.jhdf.object.datatype.Reference} throws while parsing any object header that carries a
 * dataset-region-reference attribute, which makes every pyUSID/pycroscopy ancillary dataset unreadable.
 * A patched copy of that single class sits in {@code src/io/jhdf/...} and is found first through
 * Bundle-ClassPath order. Drop both when a jhdf release parses region references.
 */
package org.ronchi.hdf5;
