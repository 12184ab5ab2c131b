/**
 * Readers of the vendor metadata SEM/TEM software writes into TIFF files, one class per structure: FEI/Thermo
 * INI blocks, Zeiss CZ_SEM text, DigitalMicrograph private tags, ImageJ's description and binary metadata,
 * TVIPS TemData, JEOL SightX XML, Olympus SIS. None has a public specification: each class cites where its
 * layout comes from (tifffile, HyperSpy, ImageJ source). Hand-written because no Java library reads them.
 * Also the {@link org.ronchi.io.tiff.vendor.Calibration} they yield and small date helpers (unit arithmetic is
 * {@link org.ronchi.core.metadata.Units}).
 */
package org.ronchi.io.tiff.vendor;
