package org.ronchi.headless.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.tests.support.TestData;

/**
 * A Merlin acquisition through the CLI with the product's loaders and writers: {@code info} shows the
 * scan, loader options reach the Merlin loader, and {@code convert --to emd1} streams the 4-D data into
 * an EMD 1.0 datacube that reads back the same values.
 */
class CliMerlinTest {
	static final String SCAN = "raw4d/merlin/Merlin_navigation4x2_ROI/001_4x2_6bit.mib";

	@BeforeEach
	void needsOsgi() {
		Assumptions.assumeTrue(Cli.osgiRegistry() != null, "needs the OSGi service registry (runs under tycho-surefire)");
	}

	private static JsonObject json(String... args) {
		Cli.Run r = Cli.run(args);
		assertEquals(0, r.exit(), r.err());
		return JsonParser.parseString(r.out()).getAsJsonObject();
	}

	@Test
	void infoShowsTheScanAndOptionsChooseAnother() {
		Path f = TestData.real(SCAN);
		JsonObject o = json("info", f.toString(), "--json");
		assertEquals("Merlin MIB", o.get("format").getAsString());
		assertEquals("[2,4,256,256]", o.getAsJsonArray("datasets").get(0).getAsJsonObject().get("shape").toString());
		JsonObject stack = json("info", f.toString(), "--json", "-o", "navigation_shape=8");
		assertEquals("[8,256,256]", stack.getAsJsonArray("datasets").get(0).getAsJsonObject().get("shape").toString());
	}

	@Test
	void convertToEmd1KeepsEveryValue() {
		Path src = TestData.real(SCAN);
		Path out = TestData.tempDir("merlin-conv").resolve("scan.emd");
		Cli.Run r = Cli.run("convert", src.toString(), out.toString(), "--to", "emd1");
		assertEquals(0, r.exit(), r.err());
		try (DataFile a = Cli.registry().open(src); DataFile b = Cli.registry().open(out)) {
			ArrayNode x = a.signals().get(0);
			ArrayNode y = b.signals().get(0);
			assertArrayEquals(x.shape(), y.shape());
			assertEquals(x.dtype(), y.dtype());
			ByteBuffer bx = ByteBuffer.allocate((int) (x.size() * x.dtype().itemSize()));
			ByteBuffer by = ByteBuffer.allocate(bx.capacity());
			x.source().readInto(new long[x.rank()], Shapes.toInt(x.shape()), bx);
			y.source().readInto(new long[y.rank()], Shapes.toInt(y.shape()), by);
			assertTrue(bx.flip().equals(by.flip()), "the EMD 1.0 datacube holds the MIB's values");
		}
	}
}
