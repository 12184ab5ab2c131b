/**
 * Reader for MRC2014 / CCP4 files: the 1024-byte {@link org.ronchi.io.mrc.MrcHeader}, the data modes
 * ({@link org.ronchi.io.mrc.MrcMode}), the extended header dispatched on its type
 * ({@link org.ronchi.io.mrc.MrcExtendedHeader}: {@link org.ronchi.io.mrc.FeiExtendedHeader} records,
 * CCP4 {@link org.ronchi.io.mrc.SymmetryRecords}), and Direct Electron movie sidecars
 * ({@link org.ronchi.io.mrc.DeInfo}, {@link org.ronchi.io.mrc.DeScan}). Data is read lazily by
 * positional reads of whole rows ({@link org.ronchi.io.mrc.MrcArraySource},
 * {@link org.ronchi.io.mrc.FrameGridSource} for frames arranged on a scan grid).
 * <p>
 * Hand-written because the Java MRC readers (Bio-Formats' MRCReader, GPL, with a wide stateful API)
 * neither fit an OSGi service that describes lazy arrays nor read FEI2 extended headers or DE
 * sidecars; the format itself is a fixed header and a raw block. Nothing here is exported: the loader
 * is reached as an OSGi {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.mrc;
