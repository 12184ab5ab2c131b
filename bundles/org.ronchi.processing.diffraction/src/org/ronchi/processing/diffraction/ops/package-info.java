/**
 * The 4D-STEM analysis operations of py4DSTEM's core (DS components, reached through the operation
 * registry): {@code stem4d.probe}, {@code stem4d.bragg-disks}, {@code stem4d.origin},
 * {@code stem4d.ellipse}, {@code stem4d.lattice}, {@code stem4d.strain}. Each wires functions of
 * {@code org.ronchi.processing.diffraction} into the engine: Bragg peaks are point lists
 * ({@code BufferSpec.points}) that later steps read as their input ({@code InputSpec.pointLists}); the
 * steps that need the whole scan first (the origin plane, the automatic lattice basis, the strain
 * reference) take two passes.
 */
package org.ronchi.processing.diffraction.ops;
