/**
 * The EMD data models and this bundle's API. The one owner of EMD knowledge in Ronchi:
 * <ul>
 * <li>EMD 1.0 (emdfile / py4DSTEM): {@link org.ronchi.io.emd.EmdTree} (the file's trees),
 * {@link org.ronchi.io.emd.EmdNode} (roots, nodes, custom nodes), {@link org.ronchi.io.emd.EmdArray}
 * (data, dims, slicelabels), {@link org.ronchi.io.emd.EmdPointList},
 * {@link org.ronchi.io.emd.EmdPointListArray}, {@link org.ronchi.io.emd.EmdMetadata} (metadata
 * bundles and their typed values) and {@link org.ronchi.io.emd.EmdCalibration} (root metadata).</li>
 * <li>Berkeley/NCEM EMD 0.x, also written by Prismatic: {@link org.ronchi.io.emd.NcemDataGroup}
 * (emd_group_type = 1 groups with dim1..dimN).</li>
 * <li>Shared: {@link org.ronchi.io.emd.EmdDim} (dim vectors to axes), {@link org.ronchi.io.emd.EmdUnits}
 * (unit spellings).</li>
 * <li>{@link org.ronchi.io.emd.EmdFiles} opens the EMD 1.0 model of a file; the writers produce EMD 1.0
 * and NCEM EMD 0.2 files.</li>
 * </ul>
 * The loader services live in {@code org.ronchi.io.emd.internal} and are found through the loader
 * registry. Hand-written because the reference implementations (emdfile, py4DSTEM, ncempy, RosettaSciIO)
 * are Python; docs/emd.md lists where Ronchi differs from them and why. Errors are
 * {@link org.ronchi.io.emd.EmdException}s naming the file, the group and the rule.
 */
package org.ronchi.io.emd;
