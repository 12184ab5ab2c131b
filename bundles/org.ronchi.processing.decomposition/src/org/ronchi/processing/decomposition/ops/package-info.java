/**
 * The decomposition operations (DS components, reached through the operation registry):
 * {@code decomposition.svd}, {@code decomposition.nmf} and {@code decomposition.ica}. Each is one
 * multi-pass engine run ({@link org.ronchi.processing.Setup#passes}): {@code SvdSchedule} lays out the
 * passes of the truncated SVD every one of them starts with (statistics, Gram or sketch/projection,
 * loadings) and builds each pass's kernel from the buffers the previous pass left; NMF adds one pass per
 * HALS iteration, ICA rotates the SVD's components by FastICA's unmixing matrix. The data are read
 * once per pass and never held whole.
 */
package org.ronchi.processing.decomposition.ops;
