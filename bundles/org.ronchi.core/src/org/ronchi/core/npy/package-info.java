/** NumPy .npy export and import, so values can be compared with NumPy, h5py and HyperSpy directly. */
package org.ronchi.core.npy;
