/**
 * Decompositions of unfolded data (positions × signal values, HyperSpy's layout) as pure functions over
 * {@link org.ronchi.processing.decomposition.RowBlocks} (passes over row blocks, partials merged in
 * order, the data never held whole): truncated SVD/PCA ({@link
 * org.ronchi.processing.decomposition.TruncatedSvd}) with HyperSpy's centring, Poisson normalisation and
 * masks ({@link org.ronchi.processing.decomposition.Preprocessing}); NMF ({@link
 * org.ronchi.processing.decomposition.Nmf}); FastICA ({@link org.ronchi.processing.decomposition.FastIca});
 * reconstruction from N components.
 * <p>
 * Dense linear algebra on small matrices (the l × m sketch, an m × m Gram matrix up to m = 1024, N × N for
 * ICA) is commons-math3 3.6's SVD and eigen-decomposition: it is already on the platform (January
 * requires and re-exports it), is an OSGi bundle, Apache-2.0, and these matrices are small enough that
 * its speed does not matter; EJML would be faster but adds a wrapped jar to the target and the feature.
 * Written by hand is only what no library provides out of core: the randomized range finder and its
 * passes, the thin orthonormalisation (commons-math3's QR forms the full n × n Q), HALS for NMF over
 * row blocks, and the FastICA iteration (none in Java on Maven Central that we could vouch for).
 */
package org.ronchi.processing.decomposition;
