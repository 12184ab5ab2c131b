package org.ronchi.io.tiff.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyReader;
import org.ronchi.tests.support.Python;
import org.ronchi.tests.support.TestData;

/**
 * Ronchi's pixels against independent decoders: tifffile for every page it can decode of the real files,
 * Pillow (libtiff + libjpeg-turbo) for the JPEG page, and files written by libtiff (through Pillow: LZW with
 * predictor, Adobe Deflate, PackBits, YCbCr JPEG) and by tifffile (zlib with predictor, tiles, BigTIFF,
 * planar RGB, multi-page stacks), each compared with the writer's own reading.
 */
class TiffCrossCheckTest {
	@TempDir
	Path dir;

	private static final String REAL = """
			import sys, os, numpy as np, tifffile
			from PIL import Image
			src, out = sys.argv[1], sys.argv[2]
			for root, _, names in os.walk(src):
			    for name in sorted(names):
			        if not name.endswith('.tif'):
			            continue
			        path = os.path.join(root, name)
			        with tifffile.TiffFile(path) as t:
			            for i, p in enumerate(t.pages):
			                if p.compression == 7:
			                    im = Image.open(path); im.seek(i); a = np.asarray(im)
			                else:
			                    a = p.asarray()
			                np.save(os.path.join(out, '%s.%d.npy' % (name, i)), np.ascontiguousarray(a))
			                print(name, i, a.shape, a.dtype)
			""";

	@Test
	void realFilesMatchTifffileAndPillow() throws Exception {
		Python.assumeModules("numpy", "tifffile", "PIL");
		Python.check(REAL, TestData.root().resolve("tiff").toString(), dir.toString());
		int compared = 0;
		for (Path f : TestData.realFiles("tiff", ".tif")) {
			try (DataFile d = Fixtures.open(f)) {
				for (ArrayNode n : d.signals()) {
					int page = ((int[]) n.attribute("pages"))[0];
					Dataset ref = NpyReader.read(dir.resolve(f.getFileName() + "." + page + ".npy")).data();
					assertEquals(ref, Fixtures.readAll(n), f.getFileName() + " page " + page);
					compared++;
				}
			}
		}
		assertEquals(9, compared);
	}

	private static final String WRITTEN = """
			import sys, os, numpy as np, tifffile
			from PIL import Image, TiffImagePlugin
			out = sys.argv[1]
			rng = np.random.default_rng(7)
			def save(name, a):
			    np.save(os.path.join(out, name + '.npy'), np.ascontiguousarray(a))
			y, x = np.mgrid[0:37, 0:53]
			g16 = ((x * 977 + y * 131 + rng.integers(0, 50, x.shape)) % 65536).astype(np.uint16)
			rgb = np.stack([(x * 4 + y) % 256, (y * 6) % 256, (x + y * 3) % 256], -1).astype(np.uint8)
			# libtiff through Pillow
			info = TiffImagePlugin.ImageFileDirectory_v2(); info[317] = 2
			Image.fromarray(g16).save(os.path.join(out, 'pil_lzw_pred.tif'), compression='tiff_lzw', tiffinfo=info)
			for comp in ['tiff_adobe_deflate', 'packbits', 'tiff_lzw', 'jpeg']:
			    Image.fromarray(rgb).save(os.path.join(out, 'pil_%s.tif' % comp), compression=comp)
			# tifffile (zlib from Python's zlib module, predictors by numpy)
			i16 = (g16.astype(np.int32) - 30000).astype(np.int16)
			f32 = (np.sin(x / 7.0) * 1000 + y).astype(np.float32)
			tifffile.imwrite(os.path.join(out, 'tf_zlib_pred.tif'), i16, compression='zlib', predictor=True)
			try:
			    tifffile.imwrite(os.path.join(out, 'tf_float_pred.tif'), f32, compression='zlib', predictor=True)
			except Exception as e:  # needs imagecodecs, which Debian does not package
			    print('no floating-point predictor:', e)
			    os.remove(os.path.join(out, 'tf_float_pred.tif'))
			tifffile.imwrite(os.path.join(out, 'tf_tiles.tif'), g16, tile=(16, 32), compression='zlib')
			tifffile.imwrite(os.path.join(out, 'tf_big_be.tif'), f32, bigtiff=True, byteorder='>')
			tifffile.imwrite(os.path.join(out, 'tf_planar.tif'), np.moveaxis(rgb, -1, 0), photometric='rgb', planarconfig='separate')
			stack = np.stack([g16, g16[::-1], g16[:, ::-1]])
			tifffile.imwrite(os.path.join(out, 'tf_stack.tif'), stack, compression='zlib')
			for name in sorted(os.listdir(out)):
			    if name.endswith('.tif'):
			        if name.startswith('pil_'):
			            a = np.asarray(Image.open(os.path.join(out, name)))
			        else:
			            a = tifffile.imread(os.path.join(out, name))
			        save(name, a)
			        print(name, a.shape, a.dtype)
			""";

	@Test
	void filesWrittenByLibtiffAndTifffileReadAsTheyDo() throws Exception {
		Python.assumeModules("numpy", "tifffile", "PIL");
		String log = Python.check(WRITTEN, dir.toString());
		List<Path> files;
		try (var s = Files.list(dir)) {
			files = s.filter(p -> p.toString().endsWith(".tif")).sorted().toList();
		}
		assertTrue(files.size() >= 10, log);
		for (Path f : files) {
			Dataset ref = NpyReader.read(Path.of(f + ".npy")).data();
			try (DataFile d = Fixtures.open(f)) {
				assertEquals(1, d.signals().size(), f.toString());
				Dataset got = Fixtures.readAll(d.signals().get(0));
				assertArrayEquals(ref.getShape(), got.getShape(), f.toString());
				if (f.getFileName().toString().contains("jpeg")) {
					// two JPEG decoders: libjpeg-turbo's fixed-point colour conversion against ours
					double[] a = Fixtures.values(ref);
					double[] b = Fixtures.values(got);
					double max = 0;
					for (int i = 0; i < a.length; i++) {
						max = Math.max(max, Math.abs(a[i] - b[i]));
					}
					assertTrue(max <= 2, f + ": max difference " + max);
				} else {
					assertEquals(ref, got, f.toString());
				}
			}
		}
	}
}
