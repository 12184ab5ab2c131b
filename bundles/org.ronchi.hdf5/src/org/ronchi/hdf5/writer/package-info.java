/**
 * A streaming HDF5 writer in pure Java: {@link org.ronchi.hdf5.writer.Hdf5Writer} creates a file,
 * {@link org.ronchi.hdf5.writer.WGroup} and {@link org.ronchi.hdf5.writer.WDataset} build its tree,
 * {@link org.ronchi.hdf5.writer.Value} holds attribute values and small datasets,
 * {@link org.ronchi.hdf5.writer.Datatype} describes element types and
 * {@link org.ronchi.hdf5.writer.DatasetOptions} the storage. Everything else is package-private and
 * named after the on-disk structure it writes (File Format Specification 3.0 sections in each class).
 * <p>
 * <b>Why hand-written.</b> jhdf 0.13, the reader this bundle uses, can write only integer, float,
 * fixed-length string and bitfield data; it cannot write object references (USID needs them),
 * variable-length strings (what h5py reads as {@code str}), compound or enum types; it encodes each
 * dataset whole into one {@code byte[]}, so nothing is streamed and no chunked dataset may exceed
 * 2 GiB; and it keeps the whole tree with its arrays in memory until close. 4D-STEM data needs all
 * of these.
 * <p>
 * <b>File layout.</b> The writer produces what libhdf5 itself writes with its default ("earliest")
 * format settings, the most widely read form: a version 0 superblock, version 1 object headers,
 * old-style groups (symbol table message, local heap of names, symbol table nodes under a type 0
 * version 1 B-tree), layout message version 3 with chunks indexed by a type 1 version 1 B-tree,
 * and the global heap for variable-length strings and sequences. This form has no checksums, its
 * B-trees can be built bottom-up once all chunks are known, and every libhdf5 since 1.6, h5py and
 * jhdf read it.
 * Superblock v2/v3 with a fixed-array chunk index would need Jenkins checksums on every structure and
 * gains nothing for files written once; no datasets are resizable here, which is what the newer
 * indexes are for.
 * <p>
 * <b>External links.</b> An old-style group cannot hold them; libhdf5 (checked with 1.10.8 and h5debug)
 * converts such a group to a new-style one when an external link is added, even with "earliest"
 * settings and in a version 0 superblock file. So does the writer: a
 * group with an external link gets a link info message, a group info message and one link message per
 * link (hard links to its children too, in name order) in its version 1 header, with no heap or index
 * (compact storage). libhdf5 1.10 (h5py, h5dump) and jhdf read this in a version 0 superblock file:
 * message types do not depend on the header or superblock version.
 * <p>
 * <b>Hard links.</b> {@code WGroup.hardLink} gives an existing node a further name: the group's symbol
 * table (or link messages) simply lists the same object header address again, and the header's
 * reference count is the number of names, as libhdf5's {@code H5Lcreate_hard} leaves it. The node is
 * laid out once, under the group that created it.
 * <p>
 * <b>Order of writing.</b> Data first: a chunk is filtered (shuffle, deflate) in the thread that
 * writes it and appended at the end of the file under a short lock, so chunks may arrive in any order
 * from several threads while memory holds only the chunks in flight plus about 16 bytes per stored
 * chunk. Contiguous data gets its space reserved when the dataset is declared. Metadata last: at
 * close every object header, heap and B-tree is sized, given an address, then encoded, so object
 * references to nodes created earlier or later both resolve. The superblock at offset 0 is written
 * last, and the temporary file is then renamed onto the target.
 */
package org.ronchi.hdf5.writer;
