/**
 * NeXus in Ronchi: the NXdata convention DAWN, Diamond Light Source and HyperSpy's NeXus plugin read and
 * write. The services live in {@code internal}: the loader (every NXdata with its signal, axes and
 * indices, as HyperSpy's NeXus reader finds them; docs/formats/nexus.md), the writer ({@code ronchi
 * convert --to nexus}: one NXentry per signal with an NXdata and Ronchi's provenance in an NXprocess)
 * and the results store {@code nexus} (the engine's runs as NXentry groups, an alternative to EMD 1.0).
 * Errors are {@link org.ronchi.io.nexus.NexusException}s naming the file, the group and the rule.
 */
package org.ronchi.io.nexus;
