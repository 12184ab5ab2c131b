/**
 * HDF5 reading on jhdf: {@link org.ronchi.hdf5.Hdf5File} opens a file read-only (checking the superblock
 * so truncation is named), converts its tree to the core model, and exposes every dataset as a lazy
 * array whose slices decode only the chunks they touch ({@code Hdf5ArraySource}, on the core byte
 * backend: contiguous data is a {@link org.ronchi.core.lazy.Layout}, chunked data a
 * {@link org.ronchi.core.lazy.ChunkedSource} with an LRU chunk cache — jhdf's own slice API returns
 * nested Java arrays and decodes chunks serially). {@link org.ronchi.hdf5.Hdf5Loader} is the
 * generic HDF5 loader service. Writing lives in {@code org.ronchi.hdf5.writer}.
 * <p>
 * This package is the whole of HDF5 reading that other bundles see: a format reader that needs more
 * than values (a dataset's chunks, filters, record type, variable-length records; an object's
 * identity) asks {@link org.ronchi.hdf5.Hdf5Dataset} and {@link org.ronchi.hdf5.Hdf5File#address}.
 * <p>
 * {@code ChunkDecoder}, the chunked array's {@link org.ronchi.core.lazy.ChunkLoader}, decodes
 * deflate/shuffle chunks itself from jhdf's raw chunk bytes with a reused Inflater, inflating straight
 * into the target when a chunk is one run of the box: jhdf's deflate filter is about 1.6× slower. It
 * also decodes the detector filters Dectris EIGER/Arina files use: bitshuffle (filter 32008, with LZ4 or
 * uncompressed; {@code Bitshuffle}) and LZ4 (32004, HDF5's block framing; {@code Lz4Filter}), on
 * lz4-java. jhdf 0.13's bitshuffle copies the last partial block of a chunk as plain bytes where it is
 * LZ4-compressed like the others, so any chunk that is not a whole number of blocks (u8 frames, odd frame
 * sizes) came back wrong. Bitshuffle with zstd is refused by name. A chunk whose header claims another
 * size than the dataset's chunk shape, or whose LZ4 data decodes past its block, is an
 * {@link org.ronchi.hdf5.Hdf5Exception} naming the file, the dataset and the chunk; nothing is allocated
 * from a size the file claims.
 * <p>
 * jhdf 0.13.0 is embedded in this bundle ({@code lib/jhdf-0.13.0.jar}, copied from Maven Central by the
 * build), not exported, instead of used as its own bundle, because three of its classes fail on what
 * h5py writes: {@code io.jhdf.object.datatype.Reference} throws while parsing any object carrying a
 * dataset-region-reference attribute (every pyUSID/pycroscopy ancillary dataset),
 * {@code OpaqueDataType} on an opaque type with an empty tag (numpy's void scalars, HyperSpy's binary
 * strings), both making the whole object unreadable, and {@code io.jhdf.filter.ByteShuffleFilter} on a
 * shuffle filter without an element size (libhdf5 skips shuffle for variable-length elements: HyperSpy's
 * lists of text). Patched copies of those classes sit in {@code src/io/jhdf/...} and are found first
 * through Bundle-ClassPath order. Drop them when a jhdf release handles all three.
 */
package org.ronchi.hdf5;
