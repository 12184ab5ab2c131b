/**
 * Reader for FEI/Thermo Fisher TIA files: {@code .ser} series (version 0x0210 with 32-bit and 0x0220
 * with 64-bit offsets; 1-D spectra and 2-D images; time and time+position tags) and the {@code .emi}
 * file whose XML ObjectInfo blocks carry the microscope metadata. One class per structure of the series
 * file: {@link org.ronchi.io.tia.SerHeader} (with its {@link org.ronchi.io.tia.SerDimension} array),
 * {@link org.ronchi.io.tia.SerOffsetArray}, {@link org.ronchi.io.tia.SerDataElement},
 * {@link org.ronchi.io.tia.SerTag}; {@link org.ronchi.io.tia.SerArraySource} reads the values lazily,
 * element by element.
 * <p>
 * Hand-written because no Java library reads TIA files; the format is small (C. Boothroyd's description
 * of the series file, as also implemented by ncempy and RosettaSciIO) and EMI's XML is parsed with the
 * JDK's DOM parser. Nothing here is exported: the loader is reached as an OSGi
 * {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.tia;
