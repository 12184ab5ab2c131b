/**
 * The MRC reader: the {@link org.ronchi.core.io.FileLoader} service
 * ({@link org.ronchi.io.mrc.internal.MrcLoader}), the 1024-byte {@link org.ronchi.io.mrc.internal.MrcHeader},
 * the data modes ({@link org.ronchi.io.mrc.internal.MrcMode}), the extended header dispatched on its type
 * ({@link org.ronchi.io.mrc.internal.MrcExtendedHeader}: {@link org.ronchi.io.mrc.internal.FeiExtendedHeader}
 * records, CCP4 {@link org.ronchi.io.mrc.internal.SymmetryRecords}), and Direct Electron movie sidecars
 * ({@link org.ronchi.io.mrc.internal.DeInfo}, {@link org.ronchi.io.mrc.internal.DeScan}). The data block is a
 * core {@link org.ronchi.core.lazy.Layout} ({@link org.ronchi.io.mrc.internal.MrcData}; modes without a NumPy
 * type decode their rows in {@link org.ronchi.io.mrc.internal.MrcModeSource}); maps stored in another axis
 * order are shown through {@link org.ronchi.core.lazy.Views}, and movie frames on a scan grid are placed
 * frame by frame.
 * <p>
 * Hand-written because the Java MRC readers (Bio-Formats' MRCReader, GPL, with a wide stateful API)
 * neither fit an OSGi service that describes lazy arrays nor read FEI2 extended headers or DE
 * sidecars; the format itself is a fixed header and a raw block.
 */
package org.ronchi.io.mrc.internal;
