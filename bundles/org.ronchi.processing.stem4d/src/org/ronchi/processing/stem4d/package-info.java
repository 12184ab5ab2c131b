/**
 * 4D-STEM operations, each a Declarative Services {@code Operation} component: virtual images
 * ({@code VirtualImage}, {@code VirtualBfAdf} over {@code Detector} geometries and one
 * {@code DetectorKernel}), virtual diffraction, centre of mass/DPC/iDPC ({@code CenterOfMass},
 * {@code Integration}), bin, crop, pad and thin in Q and R ({@code Bin}, {@code Crop}, {@code Pad},
 * {@code Thin}, {@code RawFrames}), hot pixels ({@code FindHotPixels}, {@code HotPixels}) and the FFT
 * of frames ({@code FrameFft}). The maths is in small pure functions ({@code FrameMath},
 * {@code Detector}, {@code Integration}); the operation classes only declare and wire. Nothing is
 * exported: operations are reached through the {@code OperationRegistry} service.
 * <p>
 * Written here rather than taken from a library because the Java EM ecosystem has none (py4DSTEM and
 * LiberTEM are Python); the definitions follow py4DSTEM 0.14's (detector geometries, bin_Q/bin_R
 * remainders, hot-pixel rule) and the tests compare with NumPy.
 */
package org.ronchi.processing.stem4d;
