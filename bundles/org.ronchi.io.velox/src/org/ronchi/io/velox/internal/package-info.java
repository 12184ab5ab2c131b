/**
 * Reader for Thermo Fisher (FEI) Velox EMD files: HDF5 files whose {@code /Data/<kind>/<uuid>} groups
 * hold the data ({@link ImageGroup Image}, {@link SpectrumGroup Spectrum},
 * {@link SpectrumStreamGroup SpectrumStream} with the {@code SpectrumImage} settings,
 * {@link EelsSpectrumImageGroup EelsSpectrumImage}) and whose metadata is JSON text: per-frame
 * {@code Metadata} byte columns and file-level blocks ({@link VersionBlock /Version},
 * {@link FileBlocks Operations, Presentation, Displays, SharedProperties}). One class per structure;
 * {@link VeloxSignals} puts the signals in RosettaSciIO's order and {@link VeloxLoader} is the OSGi
 * {@link org.ronchi.core.io.FileLoader} service. The bundle exports nothing: the registry reaches the
 * loader as a service, and its errors are {@link VeloxException}s, which callers catch as
 * {@link org.ronchi.core.io.FormatException}.
 * <p>
 * HDF5 itself is read by {@code org.ronchi.hdf5} ({@link org.ronchi.hdf5.Hdf5Dataset} for the chunks of
 * streams and per-frame metadata) and JSON by Gson. What is hand-written is the Velox layer, because no
 * Java library knows it: the layout is Thermo Fisher's, undocumented, and follows what RosettaSciIO,
 * ncempy and SciFiReaders read (see docs/formats/velox.md); the spectrum stream decoding lives in
 * {@link org.ronchi.io.velox.internal.stream}.
 */
package org.ronchi.io.velox.internal;
