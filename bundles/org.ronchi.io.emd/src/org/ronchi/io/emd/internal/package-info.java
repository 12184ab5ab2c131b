/**
 * The EMD loader services: {@code NcemLoader} ("EMD": Berkeley/NCEM EMD 0.x, Prismatic) and
 * {@code Emd1Loader} ("EMD 1.0": emdfile, py4DSTEM), and how their groups become signals. Reading is
 * the core EMD model ({@link org.ronchi.io.emd}) over {@link org.ronchi.hdf5.Hdf5File}'s tree.
 */
package org.ronchi.io.emd.internal;
