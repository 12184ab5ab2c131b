package org.ronchi.hdf5.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.january.dataset.DatasetUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.io.RonchiException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.tests.support.Python;

/**
 * One unreadable dataset or attribute never takes a file down: h5py writes a file whose uint16
 * datatypes (of a dataset in the root, one in a group, and attributes) are then given a datatype class
 * no HDF5 version defines (11), as a damaged or future file would hold. The original (libver earliest)
 * object headers have no checksums, so only the datatypes are damaged.
 */
class Hdf5UnreadablePartsTest {
	@TempDir
	Path dir;

	private static final String SCRIPT = """
			import h5py, numpy as np, sys
			with h5py.File(sys.argv[1], 'w', libver='earliest') as f:
			    f['before'] = np.arange(3)
			    f['bad'] = np.array([1, 2, 3], dtype='<u2')
			    g = f.create_group('g')
			    g.attrs['first'] = 1.5
			    g.attrs.create('bad', np.array([7], dtype='<u2'))
			    g.attrs['last'] = 'kept'
			    g['bad'] = np.array([4, 5], dtype='<u2')
			    g['good'] = np.arange(2.0)
			    d = f.create_dataset('after', data=np.arange(4))
			    d.attrs.create('bad', np.array([9], dtype='<u2'))
			    d.attrs['units'] = 'nm'
			# the uint16 datatype message: class 0 version 1, little-endian, 2 bytes, offset 0, precision 16
			pattern = bytes([0x10, 0, 0, 0, 2, 0, 0, 0, 0, 0, 16, 0])
			b = bytearray(open(sys.argv[1], 'rb').read())
			n, i = 0, b.find(pattern)
			while i >= 0:
			    b[i] = 0x1B  # class 11, version 1
			    n, i = n + 1, b.find(pattern, i + 1)
			open(sys.argv[1], 'wb').write(bytes(b))
			print(n)
			""";

	private Path damaged() {
		Python.assumeModules("h5py", "numpy");
		Path f = dir.resolve("damaged.h5");
		String n = Python.check(SCRIPT, f.toString()).strip();
		assertEquals("4", n, "the four uint16 datatypes (two datasets, two attributes) are damaged");
		return f;
	}

	@Test
	void theRestLoadsAndTheBadPartsSayWhy() throws Exception {
		Path f = damaged();
		byte[] before = Files.readAllBytes(f);
		try (Hdf5File h = Hdf5File.open(f)) {
			Group root = h.tree();
			assertEquals(3, DatasetUtils.sliceAndConvertLazyDataset(h.array("/before").lazy()).getSize());
			assertEquals(4, DatasetUtils.sliceAndConvertLazyDataset(h.array("/after").lazy()).getSize());
			assertEquals(2, DatasetUtils.sliceAndConvertLazyDataset(h.array("/g/good").lazy()).getSize());
			for (String p : new String[] { "/bad", "/g/bad" }) {
				ArrayNode bad = (ArrayNode) root.resolve(p);
				assertEquals(ArrayNode.KIND_UNREADABLE, bad.kind(), p);
				String why = bad.stringAttribute("unreadable");
				assertTrue(why.contains("data class = 11"), why);
				RonchiException e = assertThrows(RonchiException.class, () -> bad.source().read(new long[0], new int[0]));
				assertTrue(e.getMessage().contains(p) && e.getMessage().contains("data class = 11"), e.getMessage());
			}
			Group g = (Group) root.resolve("/g");
			assertEquals(1.5, g.attribute("first"));
			assertEquals("kept", g.attribute("last"));
			assertTrue(String.valueOf(g.attribute("bad")).startsWith("<unreadable attribute: "), String.valueOf(g.attribute("bad")));
			ArrayNode after = h.array("/after");
			assertEquals("nm", after.attribute("units"));
			assertTrue(String.valueOf(after.attribute("bad")).contains("data class = 11"), String.valueOf(after.attribute("bad")));
		}
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)), "the input is never modified");
	}
}
