package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.FormatException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.model.DType;

/** The file appears only complete: temporary file renamed at close, deleted on failure or abort; inputs never touched. */
class LifecycleTest {
	@TempDir
	Path dir;

	@Test
	void fileAppearsOnlyAtClose() throws Exception {
		Path f = dir.resolve("out.h5");
		Hdf5Writer w = Hdf5Writer.create(f);
		w.root().dataset("x", new int[] { 1, 2 });
		assertFalse(Files.exists(f));
		assertEquals(1, H5Tools.strays(dir).size(), "the temporary file");
		w.close();
		w.close(); // idempotent
		assertTrue(Files.exists(f));
		assertEquals(List.of(), H5Tools.strays(dir, f));
		Path plain = Files.createFile(dir.resolve("plain")); // the mode the user's umask gives new files
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
		Files.delete(plain);
		Hdf5WriteException e = assertThrows(Hdf5WriteException.class, () -> w.root().group("late"));
		assertTrue(e.getMessage().contains("closed") && e.getMessage().contains("/late"), e.getMessage());
	}

	@Test
	void abortLeavesNothing() throws Exception {
		Path f = dir.resolve("out.h5");
		Hdf5Writer w = Hdf5Writer.create(f);
		w.root().dataset("d", DType.UINT8, new long[] { 100 }, DatasetOptions.chunked(10)).writeFrom(new Formula(DType.UINT8, 100), null);
		w.abort();
		w.close(); // no effect after abort
		assertEquals(List.of(), H5Tools.strays(dir));
	}

	@Test
	void existingFileIsNeverModified() throws Exception {
		Path f = dir.resolve("input.h5");
		Files.writeString(f, "precious");
		Hdf5WriteException e = assertThrows(Hdf5WriteException.class, () -> Hdf5Writer.create(f));
		assertEquals(f, e.file());
		assertEquals("precious", Files.readString(f));
		try (Hdf5Writer w = Hdf5Writer.createOrReplace(f)) {
			w.root().attribute("v", 2);
			assertEquals("precious", Files.readString(f)); // replaced only at close
		}
		assertEquals("2", H5Tools.h5py(f, "print(f.attrs['v'])"));
		assertEquals(List.of(), H5Tools.strays(dir, f));
	}

	@Test
	void failedStreamMakesCloseDeleteTheFile() throws Exception {
		Path f = dir.resolve("out.h5");
		Hdf5Writer w = Hdf5Writer.create(f);
		WDataset d = w.root().dataset("d", DType.UINT16, new long[] { 100, 10 }, DatasetOptions.chunked(10, 10).deflate(1));
		Formula good = new Formula(DType.UINT16, 100, 10);
		ArraySource bad = new ArraySource() {
			@Override
			public DType dtype() {
				return good.dtype();
			}

			@Override
			public long[] shape() {
				return good.shape();
			}

			@Override
			public Dataset read(long[] start, int[] count) {
				if (start[0] == 50) {
					throw new FormatException(Path.of("source.raw"), "frame 50", "truncated");
				}
				return good.read(start, count);
			}
		};
		FormatException e = assertThrows(FormatException.class, () -> d.writeFrom(bad, Runnable::run));
		assertEquals("frame 50", e.where()); // the source's error, unchanged
		assertThrows(Hdf5WriteException.class, () -> w.root().group("after"));
		Hdf5WriteException c = assertThrows(Hdf5WriteException.class, w::close);
		assertTrue(c.problem().contains("earlier write failed"), c.problem());
		assertFalse(Files.exists(f));
		assertEquals(List.of(), H5Tools.strays(dir));
	}

	@Test
	void writeBodyPublishesOnlyOnSuccess() throws Exception {
		Path f = dir.resolve("out.h5");
		assertThrows(IllegalStateException.class, () -> Hdf5Writer.write(f, root -> {
			root.group("g");
			throw new IllegalStateException("conversion failed");
		}));
		assertEquals(List.of(), H5Tools.strays(dir));
		Hdf5Writer.write(f, root -> root.group("g").attribute("ok", true));
		assertEquals("True", H5Tools.h5py(f, "print(f['g'].attrs['ok'])"));
	}

	@Test
	void namesAreChecked() {
		try (Hdf5Writer w = Hdf5Writer.create(dir.resolve("n.h5"))) {
			w.root().group("a");
			assertThrows(Hdf5WriteException.class, () -> w.root().group("a"));
			assertThrows(Hdf5WriteException.class, () -> w.root().dataset("a", 1));
			assertThrows(Hdf5WriteException.class, () -> w.root().group("b/c"));
			assertThrows(Hdf5WriteException.class, () -> w.root().group(""));
			assertThrows(Hdf5WriteException.class, () -> w.root().attribute("x\0y", 1));
			assertThrows(Hdf5WriteException.class, () -> w.root().attribute("obj", new Object()));
			assertEquals("/a", w.root().child("a").path());
		}
	}
}
