/**
 * The EMD services: the loaders {@code NcemLoader} ("EMD": Berkeley/NCEM EMD 0.x, Prismatic) and
 * {@code Emd1Loader} ("EMD 1.0": emdfile, py4DSTEM) and how their groups become signals; the writers
 * {@code Emd1FileWriter} and {@code NcemFileWriter} ({@code ronchi convert --to emd1 | ncem}); and the
 * default results store {@code Emd1ResultsStore} (runs in {@code Emd1Runs}, rewriting in
 * {@code Emd1Copy}, point lists in {@code PointListArrays}). Reading is the EMD model
 * ({@link org.ronchi.io.emd}) over {@link org.ronchi.hdf5.Hdf5File}'s tree.
 */
package org.ronchi.io.emd.internal;
