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
import org.ronchi.core.io.UnknownFormatException;
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

	/** What a loader parses while probing (an opened HDF5 file, in real life). */
	static final class View implements AutoCloseable {
		boolean closed;

		@Override
		public void close() {
			closed = true;
		}
	}

	/** Shares a view while probing; when chosen, opens the file on the view it takes over. */
	static final class Sharing implements FileLoader {
		final String name;
		final int score;
		View probed;

		Sharing(String name, int score) {
			this.name = name;
			this.score = score;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public List<String> extensions() {
			return List.of("dat");
		}

		@Override
		public int probe(FileProbe p) {
			probed = p.shared("view", x -> new View());
			return score;
		}

		@Override
		public DataFile open(Path path, Map<String, Object> options) {
			throw new AssertionError("the registry should hand over the probe");
		}

		@Override
		public DataFile open(FileProbe probe, Map<String, Object> options) {
			View v = probe.take("view");
			return new DataFile(probe.path(), name, "", org.ronchi.core.model.Group.root(), v);
		}
	}

	@Test
	void theChosenLoaderTakesOverWhatItsProbeOpened() throws Exception {
		Sharing winner = new Sharing("Winner", FileLoader.SPECIFIC);
		Sharing loser = new Sharing("Loser", FileLoader.GENERIC);
		LoaderRegistryImpl reg = new LoaderRegistryImpl().register(loser).register(winner);
		Path f = TestData.tempDir("reg-take").resolve("x.dat");
		Files.writeString(f, "content");

		DataFile df = reg.open(f, Map.of());
		assertEquals("Winner", df.format());
		assertSame(winner.probed, loser.probed, "both probes share one view");
		assertTrue(!winner.probed.closed, "the view the loader took is not closed with the probe");
		df.close();
		assertTrue(winner.probed.closed, "it is closed with the data file");
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
		String msg = assertThrows(UnknownFormatException.class, () -> reg.select(text)).getMessage(); // no loader claims it
		assertTrue(msg.startsWith(text.toString()), msg);
		assertTrue(msg.contains("not HDF5"), msg);
		assertEquals(1, msg.lines().count());
	}
}
