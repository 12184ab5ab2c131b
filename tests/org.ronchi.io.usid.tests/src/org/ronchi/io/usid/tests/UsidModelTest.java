package org.ronchi.io.usid.tests;

import org.ronchi.tests.support.Arrays2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DType;
import org.ronchi.io.usid.ChunkSize;
import org.ronchi.io.usid.DimSelection;
import org.ronchi.io.usid.Dimension;
import org.ronchi.io.usid.IndexMatrix;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.Reshape;
import org.ronchi.io.usid.ResultsGroup;
import org.ronchi.io.usid.UsidException;

/** The USID model on synthetic data: the golden values and errors of pyUSID's checklist. */
class UsidModelTest {

	@Test
	void indicesMatrixIsFastestFirst() {
		long[][] m = IndexMatrix.indices(16, 2, 3);
		assertEquals(3, m.length);
		assertEquals(96, m[0].length);
		assertEquals(15, m[0][15]);
		assertEquals(0, m[0][16], "saw-tooth: the fastest dimension resets");
		assertEquals(1, m[1][16]);
		assertEquals(0, m[1][32]);
		assertEquals(1, m[2][32]);
		assertEquals(2, m[2][95]);
		assertArrayEquals(new long[][] { { 0 } }, IndexMatrix.makeIndicesMatrix(1));
		assertThrows(UsidException.class, () -> IndexMatrix.makeIndicesMatrix(3, 1));
		assertThrows(UsidException.class, () -> IndexMatrix.makeIndicesMatrix());
	}

	@Test
	void valuesMatrixRepeatsTheUnitValues() {
		double[] bias = new double[16];
		for (int i = 0; i < 16; i++) {
			bias[i] = Math.sin(i);
		}
		double[][] v = IndexMatrix.values(List.of(new Dimension("Bias", "V", bias), Dimension.of("Field", "", 2), Dimension.of("Cycle", "", 3)));
		assertEquals(96, v[0].length);
		assertEquals(bias[5], v[0][5 + 16 * 4], 0, "bias repeated 2 x 3 times");
		assertEquals(2, v[2][95], 0);
	}

	@Test
	void sortOrderIsReadFromTheIndicesNotAssumed() {
		// BEPS (DM-23): labels Frequency, DC_Offset, Field, Cycle with Field faster than DC_Offset
		long[][] fastestFirst = IndexMatrix.indices(5, 2, 4, 3); // Frequency, Field, DC_Offset, Cycle
		long[][] file = Synthetic.reorder(fastestFirst, 0, 2, 1, 3);
		assertArrayEquals(new int[] { 0, 2, 1, 3 }, IndexMatrix.sortOrder(file));
		assertArrayEquals(new int[] { 5, 4, 2, 3 }, IndexMatrix.sizes(file));
	}

	@Test
	void chunkSizesMatchPyUsid() {
		assertArrayEquals(new int[] { 26, 100 }, ChunkSize.calc(new long[] { 16384, 65536 }, 4));
		assertArrayEquals(new int[] { 57, 224 }, ChunkSize.calc(new long[] { 16384, 65536 }, 4, new int[] { 3, 7 }, 50000));
		assertArrayEquals(new int[] { 5, 3 }, ChunkSize.calc(new long[] { 5, 3 }, 8), "a small dataset is one chunk");
		assertThrows(UsidException.class, () -> ChunkSize.calc(new long[] { 5, 3 }, 8, new int[] { 1 }, 100));
	}

	@Test
	void dimensionsNeedANameAndAtLeastOneStep() {
		UsidException e = assertThrows(UsidException.class, () -> Dimension.of("X", "nm", 0));
		assertTrue(e.getMessage().contains("Dimension 'X'") && e.getMessage().contains("size must be at least 1"), e.getMessage());
		assertThrows(UsidException.class, () -> new Dimension("X", "nm", new double[0]));
		assertThrows(UsidException.class, () -> Dimension.of(" ", "nm", 3));
		assertEquals("Bias (V) : [0.0, 1.0]", Dimension.of("Bias", "V", 2).toString());
	}

	@Test
	void resultsGroupNames() {
		ResultsGroup g = ResultsGroup.parse("Raw_Data-SHO_Fit_000");
		assertEquals("Raw_Data", g.source());
		assertEquals("SHO_Fit", g.tool());
		assertEquals(0, g.index());
		assertEquals("Raw_Data-SHO_Fit_000", g.name());
		assertEquals("Raw_Data-SHO_Fit_003", ResultsGroup.next("Raw_Data", "SHO_Fit",
				List.of("Raw_Data-SHO_Fit_000", "Raw_Data-SHO_Fit_002", "Raw_Data-Cluster_005", "Channel_000")).name());
		assertEquals("Raw_Data-Peak_Finding_000", ResultsGroup.next("Raw_Data", "Peak-Finding", List.of()).name(), "'-' replaced");
		assertThrows(UsidException.class, () -> ResultsGroup.parse("Raw_Data-Filter-Fit_000"));
		assertThrows(UsidException.class, () -> ResultsGroup.parse("Raw_Data-Fit"));
		Map<String, Object> a = new ResultsGroup("Raw_Data", "Cluster", 1).attributes(LocalDateTime.of(2017, 8, 15, 22, 15, 45));
		assertEquals("2017_08_15-22_15_45", a.get("timestamp"));
		assertEquals("Cluster", a.get("tool"));
		assertEquals(1L, a.get("num_source_dsets"));
		assertTrue(a.containsKey("machine_id") && a.containsKey("platform"));
	}

	/** Positions X(3) fastest then Y(2); spectroscopic file order Frequency(4), DC(3) with DC fastest. */
	private static Synthetic beps() {
		Synthetic s = new Synthetic();
		long[][] spec = Synthetic.reorder(IndexMatrix.indices(3, 4), 1, 0);
		s.main(IndexMatrix.indices(3, 2), List.of("X", "Y"), spec, List.of("Frequency", "DC"));
		return s;
	}

	@Test
	void ndimFormPlacesEveryCellWhereItsIndicesSay() {
		Synthetic s = beps();
		MainDataset m = MainDataset.of(null, (ArrayNode) s.channel.child("Raw_Data"));
		assertArrayEquals(new int[] { 1, 0 }, m.spectroscopic().sortOrder());
		ArrayNode nd = m.ndim(false);
		assertArrayEquals(new long[] { 3, 2, 4, 3 }, nd.shape());
		assertEquals(List.of("X", "Y", "Frequency", "DC"), nd.axes().stream().map(a -> a.name()).toList());
		assertEquals("frequency_u", nd.axes().get(2).units());
		assertEquals(10.0, nd.axes().get(2).scale(), 0, "values are 10 x index");
		Dataset all = Arrays2.readAll(nd);
		for (int x = 0; x < 3; x++) {
			for (int y = 0; y < 2; y++) {
				for (int f = 0; f < 4; f++) {
					for (int dc = 0; dc < 3; dc++) {
						int row = x + 3 * y;
						int col = dc + 3 * f;
						assertEquals(row * 12 + col, all.getDouble(x, y, f, dc), 0, x + "," + y + "," + f + "," + dc);
					}
				}
			}
		}
		ArrayNode sorted = m.ndim(true);
		assertArrayEquals(new long[] { 3, 2, 3, 4 }, sorted.shape());
		assertEquals(List.of("X", "Y", "DC", "Frequency"), sorted.axes().stream().map(a -> a.name()).toList());
		assertEquals(all.getDouble(2, 1, 3, 1), Arrays2.readAll(sorted).getDouble(2, 1, 1, 3), 0);
		// the inverse reshape gives the Main dataset back
		Dataset back = Reshape.toMain(all, DType.FLOAT64, indexRows(m, false), indexRows(m, true));
		assertEquals(Arrays2.readAll(m.node()), back);
	}

	private static long[][] indexRows(MainDataset m, boolean spectroscopic) {
		ArrayNode inds = spectroscopic ? m.spectroscopic().indicesNode() : m.position().indicesNode();
		Dataset d = Arrays2.readAll(inds);
		if (!spectroscopic) {
			d = d.transpose();
		}
		long[][] out = new long[d.getShape()[0]][d.getShape()[1]];
		for (int i = 0; i < out.length; i++) {
			for (int j = 0; j < out[i].length; j++) {
				out[i][j] = d.getLong(i, j);
			}
		}
		return out;
	}

	@Test
	void sliceByNameReadsOnlyWhatItNeeds() {
		Synthetic s = beps();
		MainDataset m = MainDataset.of(null, (ArrayNode) s.channel.child("Raw_Data"));
		s.mainSource.elementsRead = 0;
		Map<String, DimSelection> sel = new LinkedHashMap<>();
		sel.put("Frequency", DimSelection.index(2));
		sel.put("DC", DimSelection.indices(0, 2));
		Dataset d = m.slice(sel);
		assertArrayEquals(new int[] { 3, 2, 2 }, d.getShape());
		assertEquals(4 * 12 + 3 * 2 + 2, d.getDouble(1, 1, 1), 0);
		assertTrue(s.mainSource.elementsRead <= 18, "read " + s.mainSource.elementsRead + " of 72 elements");
		assertEquals(2 * 12 + 3 * 3 + 1, m.slice(Map.of("Frequency", DimSelection.index(3), "DC", DimSelection.index(1), "X",
				DimSelection.index(2))).getDouble(0), 0, "a single column over Y");
		UsidException unknown = assertThrows(UsidException.class, () -> m.slice(Map.of("Z", DimSelection.index(0))));
		assertTrue(unknown.getMessage().contains("Cannot slice on dimension 'Z'"), unknown.getMessage());
		UsidException negative = assertThrows(UsidException.class, () -> m.slice(Map.of("X", DimSelection.index(-1))));
		assertTrue(negative.getMessage().contains("Slicing indices should be >= 0"), negative.getMessage());
		UsidException beyond = assertThrows(UsidException.class, () -> m.slice(Map.of("Y", DimSelection.indices(0, 2))));
		assertTrue(beyond.getMessage().contains("slicing argument for dimension: Y was beyond 1"), beyond.getMessage());
		assertTrue(beyond.getMessage().contains("/Measurement_000/Channel_000/Raw_Data"), beyond.getMessage());
	}

	@Test
	void describeLooksLikePyUsidsRepr() {
		Synthetic s = beps();
		String text = MainDataset.of(null, (ArrayNode) s.channel.child("Raw_Data")).describe();
		assertTrue(text.startsWith("<HDF5 dataset \"Raw_Data\": shape (6, 12), type \"<f8\">\nlocated at:\n    /Measurement_000/Channel_000/Raw_Data"),
				text);
		assertTrue(text.contains("Data contains:\n    Current (nA)"), text);
		assertTrue(text.contains("Position Dimensions:\n    X - size: 3\n    Y - size: 2\nSpectroscopic Dimensions:\n    Frequency - size: 4\n"
				+ "    DC - size: 3\nData Type:\n    float64"), text);
	}
}
