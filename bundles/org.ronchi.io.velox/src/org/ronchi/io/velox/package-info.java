/**
 * Reader for Thermo Fisher (FEI) Velox EMD files: HDF5 files whose {@code /Data/<kind>/<uuid>} groups
 * hold the data ({@link org.ronchi.io.velox.ImageGroup Image}, {@link org.ronchi.io.velox.SpectrumGroup
 * Spectrum}, {@link org.ronchi.io.velox.SpectrumStreamGroup SpectrumStream} with the
 * {@code SpectrumImage} settings, {@link org.ronchi.io.velox.EelsSpectrumImageGroup EelsSpectrumImage})
 * and whose metadata is JSON text: per-frame {@code Metadata} byte columns and file-level blocks
 * ({@link org.ronchi.io.velox.VersionBlock /Version}, {@link org.ronchi.io.velox.FileBlocks Operations,
 * Presentation, Displays, SharedProperties}). One class per structure; {@link org.ronchi.io.velox.VeloxSignals}
 * puts the signals in RosettaSciIO's order and {@link org.ronchi.io.velox.VeloxLoader} is the OSGi
 * {@link org.ronchi.core.io.FileLoader} service. Nothing here is exported.
 * <p>
 * HDF5 itself is read by {@code org.ronchi.hdf5} (jhdf) and JSON by Gson. What is hand-written is the
 * Velox layer, because no Java library knows it: the layout is Thermo Fisher's, undocumented, and
 * follows what RosettaSciIO, ncempy and SciFiReaders read (see docs/formats/velox.md); the spectrum
 * stream decoding lives in {@link org.ronchi.io.velox.stream}.
 */
package org.ronchi.io.velox;
