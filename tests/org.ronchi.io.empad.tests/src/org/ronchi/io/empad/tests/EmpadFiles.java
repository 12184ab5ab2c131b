package org.ronchi.io.empad.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.ronchi.tests.support.TestData;

/**
 * EMPAD acquisitions for the tests: the real XMLs copied to a temporary folder (they stay outside the
 * repository) with the {@code .raw} written as RosettaSciIO's tests write it: float32 0, 1, 2, ... over
 * the whole file, footer rows included ({@code np.arange(n).astype("float32").tofile(...)}).
 */
final class EmpadFiles {
	static final int FRAME_VALUES = 130 * 128;

	private EmpadFiles() {
	}

	/** @return the copied XML in a fresh folder */
	static Path realXml(String name) throws IOException {
		Path dir = TestData.tempDir("empad");
		return Files.copy(TestData.real("raw4d/empad/" + name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

	/** Writes {@code frames} raw frames of arange values beside xml under the given name. */
	static Path writeArangeRaw(Path xml, String rawName, long frames) throws IOException {
		Path raw = xml.resolveSibling(rawName);
		ByteBuffer b = ByteBuffer.allocate(FRAME_VALUES * 4).order(ByteOrder.LITTLE_ENDIAN);
		try (OutputStream out = Files.newOutputStream(raw)) {
			for (long k = 0; k < frames; k++) {
				b.clear();
				for (int i = 0; i < FRAME_VALUES; i++) {
					b.putFloat((float) (k * FRAME_VALUES + i));
				}
				out.write(b.array());
			}
		}
		return raw;
	}

	/** @return the value RosettaSciIO's arange puts at pattern pixel (r, c) of frame k */
	static float value(long k, int r, int c) {
		return (float) (k * FRAME_VALUES + r * 128 + c);
	}

	/** Writes an XML of the 1.2 layout with the given scan elements (raw file, pix, scan_parameters). */
	static Path writeXml(Path dir, String name, String body) throws IOException {
		Path p = dir.resolve(name);
		Files.writeString(p, "<root name=\"t\"><timestamp timestamp=\"1\" isoformat=\"2024-01-02T03:04:05\"/>" + body
				+ "<iom_measurements><high_voltage>200000.0</high_voltage><nominal_camera_length>0.1</nominal_camera_length></iom_measurements></root>");
		return p;
	}

	/** A header-less raw file of the given size that takes no disk space (a hole). */
	static void sparse(Path raw, long size) throws IOException {
		try (RandomAccessFile f = new RandomAccessFile(raw.toFile(), "rw")) {
			f.setLength(size);
		}
	}
}
