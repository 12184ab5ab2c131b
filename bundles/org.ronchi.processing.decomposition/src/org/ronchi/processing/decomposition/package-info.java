/**
 * The maths of the decompositions, as functions on rows and small dense matrices: HyperSpy's
 * preprocessing of the unfolded data (positions × signal values: centring, Poisson normalisation,
 * masks; {@link org.ronchi.processing.decomposition.Preprocessing},
 * {@link org.ronchi.processing.decomposition.RowTransform}), thin orthonormalisation
 * ({@link org.ronchi.processing.decomposition.Orthonormal}), NMF's NNDSVDa start and HALS updates
 * ({@link org.ronchi.processing.decomposition.Nmf}), FastICA
 * ({@link org.ronchi.processing.decomposition.FastIca}) and reconstruction. The operations that run them
 * out of core as engine passes ({@code decomposition.svd}, {@code .nmf}, {@code .ica}) are in
 * {@code org.ronchi.processing.decomposition.ops}.
 * <p>
 * Dense linear algebra on small matrices (the l × m sketch, an m × m Gram matrix up to m = 1024, N × N for
 * ICA) is commons-math3 3.6's SVD, LU and eigen-decomposition: it is already on the platform (January
 * requires and re-exports it), is an OSGi bundle, Apache-2.0, and these matrices are small enough that
 * its speed does not matter; EJML would be faster but adds a wrapped jar to the target and the feature.
 * Written by hand is only what no library provides out of core: the randomized range finder and its
 * passes, the thin orthonormalisation (commons-math3's QR forms the full n × n Q), HALS for NMF row by
 * row, and the FastICA iteration (none in Java on Maven Central that we could vouch for).
 */
package org.ronchi.processing.decomposition;
