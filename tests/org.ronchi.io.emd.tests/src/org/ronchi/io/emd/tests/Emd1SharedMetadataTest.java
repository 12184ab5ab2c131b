package org.ronchi.io.emd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.metadata.Quantity;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.Emd1Writer;
import org.ronchi.io.emd.internal.Emd1Loader;

/**
 * Shared metadata survives save and load (issue 3, py4DSTEM's metadata notebook): signals sharing one
 * MetadataTree are written with one Metadata group, hard-linked from each, and read back sharing one
 * instance; a copy stays a separate group and a separate instance.
 */
class Emd1SharedMetadataTest {
	@TempDir
	Path dir;

	private static ArrayNode signal(String title, double first) {
		Dataset d = DatasetFactory.createRange(DoubleDataset.class, first, first + 6, 1).reshape(2, 3);
		ArraySource src = new ArraySource() {
			@Override
			public DType dtype() {
				return DType.FLOAT64;
			}

			@Override
			public long[] shape() {
				return Shapes.toLong(d.getShapeRef());
			}

			@Override
			public Dataset read(long[] start, int[] count) {
				int[] s = { (int) start[0], (int) start[1] };
				return d.getSlice(s, new int[] { s[0] + count[0], s[1] + count[1] }, null);
			}
		};
		return new ArrayNode(title, src).title(title);
	}

	@Test
	void sharedTreeIsOneGroupAndOneInstanceAgain() {
		MetadataTree shared = new MetadataTree();
		shared.set("acquisition_instrument.TEM.beam_energy", new Quantity(300.0, "kV"));
		shared.set("sample.description", "gold");
		ArrayNode a = signal("a", 0).metadata(shared);
		ArrayNode b = signal("b", 10).metadata(shared);
		ArrayNode c = signal("c", 20).metadata(shared.copy());
		Path out = dir.resolve("shared.emd");
		assertEquals(List.of(), Emd1Writer.write(List.of(a, b, c), out));

		try (DataFile f = new Emd1Loader().open(out, Map.of())) {
			List<ArrayNode> s = f.signals();
			assertEquals(3, s.size());
			assertEquals(List.of("a", "b", "c"), s.stream().map(ArrayNode::title).toList());
			assertSame(s.get(0).metadata(), s.get(1).metadata());
			assertNotSame(s.get(0).metadata(), s.get(2).metadata());
			for (ArrayNode n : s) {
				// the written values, verbatim (emd1.map maps only a few keys back to the standard tree)
				MetadataTree written = (MetadataTree) n.originalMetadata().at("metadata", "metadata");
				assertEquals("gold", written.entries().get("sample.description"), n.title());
				assertEquals(300.0, ((Number) written.entries().get("acquisition_instrument.TEM.beam_energy")).doubleValue(), 0);
			}
			// an edit shows in both sharers, not in the copy
			s.get(0).metadata().set("sample.description", "platinum");
			assertEquals("platinum", s.get(1).metadata().get("sample.description"));
			assertEquals(null, s.get(2).metadata().get("sample.description"));
		}

		String r = Fixtures.h5py(out, """
				m = lambda n: f[n + '_root/' + n + '/metadatabundle/metadata']
				print(m('a').id == m('b').id, m('a').id == m('c').id, f[m('b').ref].id == m('a').id)
				print(h5py.h5o.get_info(m('a').id).rc, h5py.h5o.get_info(m('c').id).rc)
				print(m('b')['sample.description'][()].decode(), m('b').attrs['emd_group_type'])
				""");
		assertEquals("True False True\n2 1\ngold metadata", r.strip());
	}

	/** `ronchi convert x.emd --to emd1` of an EMD 1.0 file: the file's own trees, written back. */
	@Test
	void rewritingAnEmd1FileKeepsSharedGroupsShared() {
		MetadataTree shared = new MetadataTree().set("sample.description", "gold");
		Path first = dir.resolve("first.emd");
		Emd1Writer.write(List.of(signal("a", 0).metadata(shared), signal("b", 10).metadata(shared), signal("c", 20).metadata(shared.copy())),
				first);
		Path again = dir.resolve("again.emd");
		try (DataFile f = new Emd1Loader().open(first, Map.of())) {
			assertEquals(List.of(), Emd1Writer.write(f, again));
		}
		try (DataFile f = new Emd1Loader().open(again, Map.of())) {
			List<ArrayNode> s = f.signals();
			assertSame(s.get(0).metadata(), s.get(1).metadata());
			assertNotSame(s.get(0).metadata(), s.get(2).metadata());
		}
		String r = Fixtures.h5py(again, """
				m = lambda n: f[n + '_root/' + n + '/metadatabundle/metadata']
				print(m('a').id == m('b').id, m('a').id == m('c').id, h5py.h5o.get_info(m('a').id).rc)
				print(m('b')['sample.description'][()].decode(), m('c')['sample.description'][()].decode())
				""");
		assertEquals("True False 2\ngold gold", r.strip());
	}

	@Test
	void distinctButEqualTreesStayDistinct() {
		MetadataTree t = new MetadataTree().set("sample.description", "gold");
		Path out = dir.resolve("equal.emd");
		Emd1Writer.write(List.of(signal("a", 0).metadata(t), signal("b", 1).metadata(t.copy())), out);
		try (DataFile f = new Emd1Loader().open(out, Map.of())) {
			assertNotSame(f.signals().get(0).metadata(), f.signals().get(1).metadata());
		}
	}
}
