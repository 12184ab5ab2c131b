package org.ronchi.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.TestData;

class LoaderRegistryTest {

	record Fake(String name, List<String> extensions, String magic, int score) implements FileLoader {
		@Override
		public int probe(FileProbe p) {
			return p.startsWith(magic) ? score : 0;
		}

		@Override
		public DataFile open(Path path, Map<String, Object> options) {
			throw new UnsupportedOperationException();
		}
	}

	@Test
	void contentDecidesNotTheExtension() throws Exception {
		Fake generic = new Fake("Generic", List.of("h5"), "ABCD", FileLoader.GENERIC);
		Fake specific = new Fake("Specific", List.of("emd"), "ABCD", FileLoader.SPECIFIC);
		Fake other = new Fake("Other", List.of("dat"), "XYZ", FileLoader.SPECIFIC);
		LoaderRegistryImpl reg = new LoaderRegistryImpl().register(generic).register(specific).register(other);
		Path f = TestData.tempDir("reg").resolve("x.dat");
		Files.writeString(f, "ABCD and more");
		assertSame(specific, reg.select(f));
	}

	@Test
	void badInputsGiveOneClearError() throws Exception {
		LoaderRegistryImpl reg = new LoaderRegistryImpl().register(new Fake("HDF5", List.of("h5"), "\u0089HDF", 10));
		Path dir = TestData.tempDir("reg");
		assertTrue(assertThrows(InvalidRequestException.class, () -> reg.select(dir.resolve("missing.h5"))).getMessage()
				.contains("no such file"));
		assertTrue(assertThrows(InvalidRequestException.class, () -> reg.select(dir)).getMessage().contains("directory"));
		Path empty = Files.createFile(dir.resolve("empty.h5"));
		assertTrue(assertThrows(FormatException.class, () -> reg.select(empty)).getMessage().contains("empty"));
		Path text = dir.resolve("text.h5");
		Files.writeString(text, "hello world");
		String msg = assertThrows(UnsupportedFormatException.class, () -> reg.select(text)).getMessage();
		assertTrue(msg.startsWith(text.toString()), msg);
		assertTrue(msg.contains("not HDF5"), msg);
		assertEquals(1, msg.lines().count());
	}
}
