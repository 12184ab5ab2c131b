package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DType;
import org.ronchi.tests.support.Python;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Link;

/**
 * External links: a group holding one is written new-style (link info + link messages in a version 1
 * header of a superblock-v0 file); libhdf5 (h5py, h5dump) must follow the link into the other file and
 * still see the group's hard-linked children, as must jhdf.
 */
class ExternalLinksTest {
	@TempDir
	Path dir;

	private Path source() {
		Path src = dir.resolve("source.h5");
		try (Hdf5Writer w = Hdf5Writer.create(src)) {
			w.root().group("data").dataset("frames", DType.UINT16, new long[] { 4, 5, 6 }, DatasetOptions.chunked(2, 5, 6).deflate(1))
					.writeFrom(new Formula(DType.UINT16, 4, 5, 6), null);
		}
		return src;
	}

	@Test
	void h5pyFollowsExternalLinksAndSeesHardLinkedChildren() {
		Path src = source();
		Path f = dir.resolve("links.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root().group("grp").attribute("note", "mixed links");
			g.dataset("local", new double[] { 1.5, 2.5 });
			g.externalLink("ext", src.toString(), "/data/frames");
			g.group("sub").dataset("x", 7L);
			g.externalLink("relative", "source.h5", "/data"); // resolved against the linking file's directory
			g.externalLink("dangling", "missing.h5", "/nothing");
			g.externalLink("tëxt", src.toString(), "/data/frames"); // UTF-8 name: character set field
			w.root().externalLink("top", src.toString(), "/data/frames"); // the root itself new-style
			w.root().dataset("after", new int[] { 3 });
		}
		String dump = H5Tools.h5dump(f, "-A");
		assertTrue(dump.contains("EXTERNAL_LINK \"ext\""), dump);
		String out = H5Tools.h5py(f, Formula.NUMPY + """
				d = f['grp/ext']
				print(d.shape, d.dtype, bool((d[()] == expected((4, 5, 6))).all()))
				print(sorted(f['grp'].keys()))
				print(f['grp/local'][1], f['grp/sub/x'][()], f['grp'].attrs['note'])
				print(f['grp'].get('ext', getlink=True).filename == sys.argv[1].rsplit('/', 1)[0] + '/source.h5')
				print(list(f['grp/relative'].keys()), f['grp/tëxt'].shape, f['top'].shape, f['after'][0])
				print(f['grp'].get('dangling', getlink=True).path, 'dangling' in f['grp'])  # the link exists
				""");
		assertEquals("""
				(4, 5, 6) uint16 True
				['dangling', 'ext', 'local', 'relative', 'sub', 'tëxt']
				2.5 7 mixed links
				True
				['frames'] (4, 5, 6) (4, 5, 6) 3
				/nothing True""", out);
	}

	@Test
	void jhdfReadsHardLinkedChildrenOfANewStyleGroup() {
		Path src = source();
		Path f = dir.resolve("jhdf.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root().group("grp");
			g.dataset("local", new double[] { 1.5, 2.5 });
			g.group("sub").dataset("x", 7L);
			g.externalLink("ext", src.toString(), "/data/frames");
		}
		try (HdfFile h = new HdfFile(f)) {
			// name order, as in an old-style group, whatever the order of creation
			assertEquals(List.of("ext", "local", "sub"), List.copyOf(h.getChildren().get("grp") instanceof io.jhdf.api.Group g
					? g.getChildren().keySet() : Set.of()));
			assertArrayEquals(new double[] { 1.5, 2.5 }, (double[]) h.getDatasetByPath("/grp/local").getData());
			assertEquals(7L, ((Number) h.getDatasetByPath("/grp/sub/x").getData()).longValue());
			Link ext = (Link) ((io.jhdf.api.Group) h.getByPath("/grp")).getChild("ext");
			assertEquals(src + ":/data/frames", ext.getTargetPath()); // jhdf names file and path
			assertArrayEquals(new int[] { 4, 5, 6 }, ((Dataset) ext.getTarget()).getDimensions());
		}
	}

	/**
	 * Hdf5File reads a dataset through its own file's channel, so a dataset reached through an external
	 * link would be read at the other file's addresses in this file: it is listed as a group attribute
	 * "external link NAME" = "file:path" (as broken links are) instead of a node.
	 */
	@Test
	void hdf5FileListsExternalLinksWithoutFollowingThem() {
		Path src = dir.resolve("contiguous.h5");
		try (Hdf5Writer w = Hdf5Writer.create(src)) {
			w.root().dataset("pad", new double[1000]); // the target's address is past anything in the other file
			w.root().dataset("v", new double[] { 42, 43 });
		}
		Path f = dir.resolve("reader.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			w.root().group("g").externalLink("ext", src.toString(), "/v").dataset("own", new double[] { 1, 2 });
		}
		try (org.ronchi.hdf5.Hdf5File h = org.ronchi.hdf5.Hdf5File.open(f)) {
			org.ronchi.core.model.Group g = (org.ronchi.core.model.Group) h.tree().child("g");
			assertEquals(src + ":/v", g.attribute("external link ext"));
			assertEquals(null, g.child("ext"));
			assertEquals(2, h.array("/g/own").source().read(new long[] { 0 }, new int[] { 2 }).getDouble(1));
		}
		try (HdfFile h = new HdfFile(f)) {
			assertArrayEquals(new double[] { 1, 2 }, (double[]) h.getDatasetByPath("/g/own").getData());
		}
	}

	/** libhdf5 adds and removes links in the written compact group (it reads the group info message then). */
	@Test
	void libhdf5CanEditANewStyleGroup() {
		Path f = dir.resolve("edit.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup g = w.root().group("g");
			g.dataset("d", new double[] { 1, 2 });
			g.externalLink("ext", "other.h5", "/y");
		}
		Python.assumeModules("h5py");
		String out = Python.check("""
				import sys, h5py
				with h5py.File(sys.argv[1], 'r+') as f:
				    f['g/new'] = [5]
				    f['g/ext2'] = h5py.ExternalLink('a.h5', '/b')
				    del f['g/d']
				with h5py.File(sys.argv[1], 'r') as f:
				    print(sorted(f['g'].keys()), f['g/new'][0])
				""", f.toString());
		assertEquals("['ext', 'ext2', 'new'] 5", out);
		H5Tools.h5dump(f);
	}

	@Test
	void badExternalLinksAreRefused() {
		try (Hdf5Writer w = Hdf5Writer.create(dir.resolve("bad.h5"))) {
			WGroup g = w.root().group("g");
			g.dataset("d", 1L);
			assertThrows(Hdf5WriteException.class, () -> g.externalLink("d", "x.h5", "/a"));
			assertThrows(Hdf5WriteException.class, () -> g.externalLink("a/b", "x.h5", "/a"));
			assertThrows(Hdf5WriteException.class, () -> g.externalLink("e", "", "/a"));
			assertThrows(Hdf5WriteException.class, () -> g.externalLink("e", "x.h5", null));
			g.externalLink("e", "x.h5", "/a");
			assertThrows(Hdf5WriteException.class, () -> g.group("e"));
		}
	}
}
