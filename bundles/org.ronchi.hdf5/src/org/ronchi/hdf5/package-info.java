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
 * build), not exported, instead of used as its own bundle, because some of its classes fail on what
 * h5py writes: {@code io.jhdf.object.datatype.Reference} throws while parsing any object carrying a
 * dataset-region-reference attribute (every pyUSID/pycroscopy ancillary dataset),
 * {@code OpaqueDataType} on an opaque type with an empty tag (numpy's void scalars, HyperSpy's binary
 * strings), both making the whole object unreadable; {@code ArrayDataType} reads the sizes of 2-D and
 * larger array elements wrongly; {@code io.jhdf.filter.ByteShuffleFilter} throws on a shuffle filter
 * without an element size (libhdf5 skips shuffle for variable-length elements: HyperSpy's lists of text).
 * And one attribute or dataset description jhdf cannot parse takes its whole group down: the patched
 * {@code io.jhdf.object.message.AttributeMessage} and {@code DataTypeMessage} keep the reason instead of
 * throwing, and {@code io.jhdf.dataset.DatasetLoader} lists such a dataset as an
 * {@code UnreadableDataset}, which {@link org.ronchi.hdf5.Hdf5File#tree()} shows as kind
 * {@value org.ronchi.core.model.ArrayNode#KIND_UNREADABLE} with the reason. Patched copies of those
 * classes sit in {@code src/io/jhdf/...} and are found first through Bundle-ClassPath order. Drop them
 * when a jhdf release handles all of it.
 * <p>
 * Element types are read as h5py reads them ({@code HdfTypes}): integers, IEEE half, single and double
 * floats (half floats are float32 in memory, {@code float16} in exports), bit fields and enums as their
 * integers (an enum's names in the attribute "enum names"), opaque elements as bytes and fixed-size
 * arrays as their base type (both adding trailing dimensions), either byte order, complex and RGB(A)
 * records. Other records and variable-length sequences are listed (dtype object) and read through
 * {@link org.ronchi.hdf5.Hdf5Dataset}.
 */
package org.ronchi.hdf5;
