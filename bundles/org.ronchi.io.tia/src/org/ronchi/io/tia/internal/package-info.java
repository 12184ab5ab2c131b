/**
 * The TIA reader: {@code .ser} series (version 0x0210 with 32-bit and 0x0220 with 64-bit offsets; 1-D
 * spectra and 2-D images; time and time+position tags) and the {@code .emi} file whose XML ObjectInfo
 * blocks carry the microscope metadata, opened by the {@link org.ronchi.core.io.FileLoader} service
 * {@link org.ronchi.io.tia.internal.TiaLoader}. One class per structure of the series file:
 * {@link org.ronchi.io.tia.internal.SerHeader} (with its {@link org.ronchi.io.tia.internal.SerDimension}
 * array), {@link org.ronchi.io.tia.internal.SerOffsetArray}, {@link org.ronchi.io.tia.internal.SerDataElement},
 * {@link org.ronchi.io.tia.internal.SerTag}; {@link org.ronchi.io.tia.internal.SerData} describes the values
 * as a core {@link org.ronchi.core.lazy.Layout} whose frames are the data elements.
 * <p>
 * Hand-written because no Java library reads TIA files; the format is small (C. Boothroyd's description
 * of the series file, as also implemented by ncempy and RosettaSciIO) and EMI's XML is parsed with the
 * JDK's DOM parser.
 */
package org.ronchi.io.tia.internal;
