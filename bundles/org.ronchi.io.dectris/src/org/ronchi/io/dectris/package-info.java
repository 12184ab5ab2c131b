/**
 * Dectris Arina / EIGER acquisitions (NeXus {@code *_master.h5} with external links to
 * {@code *_data_NNNNNN.h5}): the bundle's exception root, {@link org.ronchi.io.dectris.DectrisException}.
 * The loader is a {@code FileLoader} service in {@code internal}; the bitshuffle/LZ4 chunks are decoded
 * by {@code org.ronchi.hdf5}.
 */
package org.ronchi.io.dectris;
