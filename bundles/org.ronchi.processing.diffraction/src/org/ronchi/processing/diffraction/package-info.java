/**
 * Diffraction analysis as pure functions, py4DSTEM's core: the vacuum probe ({@link
 * org.ronchi.processing.diffraction.VacuumProbe}), its size and centre ({@link
 * org.ronchi.processing.diffraction.ProbeSize}) and correlation kernels ({@link
 * org.ronchi.processing.diffraction.ProbeKernel}); Bragg disk detection by Fourier template matching
 * ({@link org.ronchi.processing.diffraction.BraggDisks} with {@link
 * org.ronchi.processing.diffraction.Maxima} and {@link org.ronchi.processing.diffraction.DftUpsampler});
 * the Bragg vector map; the origin per position and its robust plane fit ({@link
 * org.ronchi.processing.diffraction.OriginFit}); elliptical distortion ({@link
 * org.ronchi.processing.diffraction.Ellipse}); lattice vectors ({@link
 * org.ronchi.processing.diffraction.Lattice}) and strain ({@link org.ronchi.processing.diffraction.Strain}).
 * Images are C-order {@code double[]} of nx rows × ny columns; x is the first detector axis, as in
 * py4DSTEM. {@link org.ronchi.processing.diffraction.SyntheticCrystal} and {@link
 * org.ronchi.processing.diffraction.StrainDemo} are the truth check ({@code ronchi demo strain}: the
 * demo's workflow through the engine, its results against the truth).
 * <p>
 * Written here because no Java library does any of it; the definitions follow py4DSTEM 0.14 (and SciPy
 * for the Gaussian filter and morphology), and the tests compare with them. Small least-squares problems
 * use commons-math3 (already on the platform through January). The operations that run them through
 * the engine are in {@code org.ronchi.processing.diffraction.ops}.
 */
package org.ronchi.processing.diffraction;
