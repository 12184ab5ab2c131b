/**
 * The h5USID loader service and its helpers: which datasets are Main ({@code UsidLoader}), and how
 * each becomes a signal with axes and metadata ({@code UsidSignal}); writing Main datasets
 * ({@code MainWriter}) and results groups ({@code ResultsWriter}). Reading is the core USID model
 * ({@link org.ronchi.io.usid}) over {@link org.ronchi.hdf5.Hdf5File}'s tree; nothing here parses HDF5.
 */
package org.ronchi.io.usid.internal;
