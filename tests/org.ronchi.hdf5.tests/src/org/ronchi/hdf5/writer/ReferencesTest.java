package org.ronchi.hdf5.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ronchi.core.model.DType;

/**
 * Object references as USID writes them (pyUSID's Position_Indices etc.): h5py must resolve them with
 * {@code f[ref]}, whether the target was created before or after the node holding the reference.
 */
class ReferencesTest {
	@TempDir
	Path dir;

	@Test
	void usidStyleReferencesResolveInH5py() {
		Path f = dir.resolve("usid.h5");
		try (Hdf5Writer w = Hdf5Writer.create(f)) {
			WGroup channel = w.root().group("Measurement_000").group("Channel_000");
			WDataset raw = channel.dataset("Raw_Data", DType.FLOAT32, new long[] { 6, 4 }, DatasetOptions.chunked(3, 4).deflate(1));
			raw.writeFrom(new Formula(DType.FLOAT32, 6, 4), null);
			// targets created after raw: the references are resolved at close
			WDataset posInd = channel.dataset("Position_Indices", new int[] { 0, 1, 2, 3, 4, 5 });
			WDataset posVal = channel.dataset("Position_Values", new double[] { 0, .5, 1, 1.5, 2, 2.5 });
			raw.attribute("quantity", "Current").attribute("units", "nA");
			raw.attribute("Position_Indices", posInd).attribute("Position_Values", Value.ref(posVal));
			raw.attribute("all", Value.refs(posInd, posVal, channel, w.root()));
			posInd.attribute("back", raw); // a target created before
			w.root().dataset("refs", Value.refs(raw, posVal));
			w.root().dataset("one_ref", Value.ref(channel));
			w.root().attribute("self", w.root());
		}
		H5Tools.h5dump(f);
		String out = H5Tools.h5py(f, """
				raw = f['/Measurement_000/Channel_000/Raw_Data']
				assert isinstance(raw.attrs['Position_Indices'], h5py.Reference)
				print(f[raw.attrs['Position_Indices']].name)
				print(f[raw.attrs['Position_Values']][3])
				print([f[r].name for r in raw.attrs['all']])
				print(f[f[raw.attrs['Position_Indices']].attrs['back']].name)
				print([f[r].name for r in f['refs'][()]])
				print(f[f['one_ref'][()]].name, f[f.attrs['self']].name)
				""");
		assertEquals("""
				/Measurement_000/Channel_000/Position_Indices
				1.5
				['/Measurement_000/Channel_000/Position_Indices', '/Measurement_000/Channel_000/Position_Values', '/Measurement_000/Channel_000', '/']
				/Measurement_000/Channel_000/Raw_Data
				['/Measurement_000/Channel_000/Raw_Data', '/Measurement_000/Channel_000/Position_Values']
				/Measurement_000/Channel_000 /""", out);
	}

	@Test
	void referenceIntoAnotherFileIsRefused() {
		try (Hdf5Writer a = Hdf5Writer.create(dir.resolve("a.h5")); Hdf5Writer b = Hdf5Writer.create(dir.resolve("b.h5"))) {
			WGroup other = b.root().group("g");
			Hdf5WriteException e = assertThrows(Hdf5WriteException.class, () -> a.root().attribute("r", other));
			assertEquals("/@r", e.where());
		}
	}
}
