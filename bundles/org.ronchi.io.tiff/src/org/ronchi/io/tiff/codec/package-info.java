/**
 * Strip and tile decoders, chosen in one place ({@link org.ronchi.io.tiff.codec.Compression}): LZW and
 * PackBits hand-written (the JDK has neither; each is one short loop), Deflate on the JDK's Inflater, JPEG on
 * the JDK's javax.imageio reader with the colour decision taken here, and the
 * {@link org.ronchi.io.tiff.codec.Predictor} applied after LZW and Deflate.
 */
package org.ronchi.io.tiff.codec;
