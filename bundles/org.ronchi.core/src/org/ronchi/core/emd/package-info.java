/**
 * The EMD data models on the core tree (January only, no HDF5), for the EMD loaders and writers:
 * <ul>
 * <li>EMD 1.0 (emdfile / py4DSTEM): {@link org.ronchi.core.emd.EmdTree} (the file's trees),
 * {@link org.ronchi.core.emd.EmdNode} (roots, nodes, custom nodes), {@link org.ronchi.core.emd.EmdArray}
 * (data, dims, slicelabels), {@link org.ronchi.core.emd.EmdPointList},
 * {@link org.ronchi.core.emd.EmdPointListArray}, {@link org.ronchi.core.emd.EmdMetadata} (metadata
 * bundles and their typed values) and {@link org.ronchi.core.emd.EmdCalibration} (root metadata).</li>
 * <li>Berkeley/NCEM EMD 0.x, also written by Prismatic: {@link org.ronchi.core.emd.NcemDataGroup}
 * (emd_group_type = 1 groups with dim1..dimN).</li>
 * <li>Shared: {@link org.ronchi.core.emd.EmdDim} (dim vectors to axes), {@link org.ronchi.core.emd.EmdUnits}
 * (unit spellings), and two lazy views, {@link org.ronchi.core.emd.TransposedSource} and
 * {@link org.ronchi.core.emd.StackedSource}, for HyperSpy's axis order and Prismatic's depth stacks.</li>
 * </ul>
 * Hand-written because the reference implementations (emdfile, py4DSTEM, ncempy, RosettaSciIO) are
 * Python; docs/emd.md lists where Ronchi differs from them and why. Errors are
 * {@link org.ronchi.core.emd.EmdException}s naming the file, the group and the rule.
 */
package org.ronchi.core.emd;
