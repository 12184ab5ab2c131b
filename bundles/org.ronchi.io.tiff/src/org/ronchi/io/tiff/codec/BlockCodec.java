package org.ronchi.io.tiff.codec;

/** Decodes one strip or tile (compression only; the predictor is undone afterwards by {@link Predictor}). */
public interface BlockCodec {

	/**
	 * @param src   the block's bytes as stored
	 * @param block geometry of the decoded block
	 * @return exactly {@link Block#bytes()} decoded bytes, samples in the file's byte order
	 * @throws org.ronchi.io.tiff.TiffException if the data is corrupt or too short
	 */
	byte[] decode(byte[] src, Block block);
}
