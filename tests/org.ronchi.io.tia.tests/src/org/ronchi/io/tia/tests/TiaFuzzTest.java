package org.ronchi.io.tia.tests;

import org.ronchi.tests.support.Arrays2;

import org.ronchi.tests.support.Fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.tia.internal.TiaLoader;
import org.ronchi.tests.support.TestData;

/**
 * Truncated and bit-flipped copies of every real SER file and EMI file: each case opens the copy and
 * reads every signal in full, and must succeed or fail with a RonchiException, within 1 s.
 */
class TiaFuzzTest {
	private static final String DIR = "ser_emi/rsciio_old/";

	@Test
	void damagedSerFilesFailCleanly() throws IOException {
		Path tmp = TestData.tempDir("tia-fuzz");
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			for (Path real : TestData.realFiles(DIR, ".ser")) {
				byte[] good = Files.readAllBytes(real);
				int first = (int) ByteBuffer.wrap(good).order(ByteOrder.LITTLE_ENDIAN).getInt(ByteBuffer.wrap(good)
						.order(ByteOrder.LITTLE_ENDIAN).getInt(22));
				Path copy = tmp.resolve(real.getFileName());
				for (int cut : Fuzz.cuts(good.length, 20, 1, 6, 18, 22, 26, 30, 40, first + 10, first + 30, first + 49)) {
					byte[] b = java.util.Arrays.copyOf(good, cut);
					fuzz.run(real.getFileName() + " cut at " + cut, () -> openAndRead(write(copy, b)));
				}
				// every byte of the header and of the first element's header and tag, three ways each
				int headerEnd = Math.min(good.length, first + 50);
				for (int pos = 0; pos < headerEnd; pos++) {
					if (pos >= 160 && pos < first) {
						continue;
					}
					for (int v : new int[] { 0xff, 0x80, 0x01 }) {
						byte[] b = good.clone();
						b[pos] ^= (byte) v;
						int p = pos;
						fuzz.run(real.getFileName() + " byte " + p + " ^ 0x" + Integer.toHexString(v), () -> openAndRead(write(copy, b)));
					}
				}
				Files.deleteIfExists(copy);
			}
			fuzz.assertNoFailures();
			assertTrue(fuzz.cases() > 1000, "ran " + fuzz.cases());
			assertTrue(fuzz.rejected() > 100, "rejected " + fuzz.rejected() + " of " + fuzz.cases());
		}
	}

	@Test
	void damagedEmiFilesFailCleanly() throws IOException {
		Path tmp = TestData.tempDir("tia-fuzz-emi");
		String base = "16x16_STEM_BF_DF_acquire";
		for (String ser : new String[] { base + "_1.ser", base + "_2.ser" }) {
			Files.copy(TestData.real(DIR + ser), tmp.resolve(ser));
		}
		byte[] good = Files.readAllBytes(TestData.real(DIR + base + ".emi"));
		Path copy = tmp.resolve(base + ".emi");
		String text = new String(good, java.nio.charset.StandardCharsets.ISO_8859_1);
		int xml = text.indexOf("<ObjectInfo>");
		try (Fuzz fuzz = new Fuzz(Duration.ofSeconds(10))) {
			for (int cut : Fuzz.cuts(good.length, 20, 0, 4, xml + 5, xml + 500)) {
				byte[] b = java.util.Arrays.copyOf(good, cut);
				fuzz.run("emi cut at " + cut, () -> openAndRead(write(copy, b)));
			}
			for (int pos = xml; pos < xml + 600; pos += 3) {
				byte[] b = good.clone();
				b[pos] ^= (byte) 0xff;
				int p = pos;
				fuzz.run("emi byte " + p, () -> openAndRead(write(copy, b)));
			}
			fuzz.assertNoFailures();
		}
	}

	private static Path write(Path p, byte[] b) throws IOException {
		Files.write(p, b);
		return p;
	}

	private static void openAndRead(Path p) {
		try (DataFile f = new TiaLoader().open(p, Map.of())) {
			for (ArrayNode n : f.signals()) {
				Arrays2.readAll(n);
				n.lazy();
			}
		}
	}
}
