package org.ronchi.io.velox.tests;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Datatype;
import org.ronchi.hdf5.writer.Value;
import org.ronchi.hdf5.writer.WDataset;
import org.ronchi.hdf5.writer.WGroup;

/**
 * Writes Velox-shaped HDF5 content with Ronchi's HDF5 writer, laid out as Velox lays it out: JSON
 * blocks as one-element variable-length strings, per-frame Metadata as uint8 (bytes, frames) columns
 * in (bytes, 1) chunks, images as (rows, cols, frames) in one chunk per frame, streams as (N, 1) uint16
 * in chunks of 8192. Only what the reader looks at is written.
 */
final class VeloxWriter {
	/** Velox pads every Metadata column to 60000 bytes; tests use less to stay small. */
	static final int METADATA_BYTES = 8192;

	private VeloxWriter() {
	}

	/** @return the child group, created on first use */
	static WGroup sub(WGroup g, String name) {
		return g.child(name) instanceof WGroup w ? w : g.group(name);
	}

	static void json(WGroup g, String name, String json) {
		g.dataset(name, Value.strings(new long[] { 1 }, json));
	}

	static void version(WGroup root, int version) {
		json(root, "Version", "{\n    \"version\": \"" + version + "\",\n    \"format\": \"Velox\"\n}\n");
	}

	/** One Metadata column per frame, each the same JSON. */
	static void metadata(WGroup g, int frames, String json) {
		byte[] text = json.getBytes(StandardCharsets.UTF_8);
		WDataset d = g.dataset("Metadata", DType.UINT8, new long[] { METADATA_BYTES, frames }, DatasetOptions.chunked(METADATA_BYTES, 1));
		for (int f = 0; f < frames; f++) {
			ByteBuffer b = ByteBuffer.allocate(METADATA_BYTES);
			b.put(text).rewind();
			d.writeChunk(new long[] { 0, f }, b);
		}
	}

	/** An image (rows, cols, frames), one chunk per frame. */
	static WGroup image(WGroup root, String uuid, DType dtype, Dataset rowsColsFrames, String json) {
		WGroup g = sub(sub(sub(root, "Data"), "Image"), uuid);
		int[] s = rowsColsFrames.getShapeRef();
		WDataset d = g.dataset("Data", dtype, new long[] { s[0], s[1], s[2] }, DatasetOptions.chunked(s[0], s[1], 1));
		d.write(rowsColsFrames);
		metadata(g, s[2], json);
		return g;
	}

	/** A complex image as Velox stores FFTs: a compound of two float32 named realFloat&lt;suffix&gt;/imagFloat&lt;suffix&gt;. */
	static WGroup complexImage(WGroup root, String uuid, String suffix, float[] reIm, int rows, int cols, String json) {
		WGroup g = sub(sub(sub(root, "Data"), "Image"), uuid);
		Datatype.Compound t = new Datatype.Compound(8, List.of(new Datatype.Member("realFloat" + suffix, 0, new Datatype.FloatingPoint(4)),
				new Datatype.Member("imagFloat" + suffix, 4, new Datatype.FloatingPoint(4))));
		WDataset d = g.dataset("Data", t, new long[] { rows, cols, 1 }, DatasetOptions.chunked(rows, cols, 1));
		ByteBuffer b = ByteBuffer.allocate(reIm.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (float v : reIm) {
			b.putFloat(v);
		}
		d.write(b.flip());
		metadata(g, 1, json);
		return g;
	}

	/** A spectrum (channels, 1) uint32. */
	static WGroup spectrum(WGroup root, String uuid, long[] counts, String json) {
		WGroup g = sub(sub(sub(root, "Data"), "Spectrum"), uuid);
		WDataset d = g.dataset("Data", DType.UINT32, new long[] { counts.length, 1 }, DatasetOptions.chunked(counts.length, 1));
		ByteBuffer b = ByteBuffer.allocate(counts.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (long c : counts) {
			b.putInt((int) c);
		}
		d.write(b.flip());
		metadata(g, 1, json);
		return g;
	}

	/** A spectrum stream (N, 1) uint16 in chunks of 8192, with its AcquisitionSettings. */
	static WGroup stream(WGroup root, String uuid, int[] values, int bincount, int frames, String json) {
		WGroup g = sub(sub(sub(root, "Data"), "SpectrumStream"), uuid);
		json(g, "AcquisitionSettings", "{\"encoding\": \"uint16\", \"bincount\": \"" + bincount
				+ "\", \"StreamEncoding\": \"uint16\", \"Size\": \"1048576\", \"RasterScanDefinition\": {\"Width\": \"512\", \"Height\": \"512\"}}");
		WDataset d = g.dataset("Data", DType.UINT16, new long[] { values.length, 1 }, DatasetOptions.chunked(8192, 1));
		ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int v : values) {
			b.putShort((short) v);
		}
		d.write(b.flip());
		metadata(g, frames, json);
		return g;
	}

	/** The SpectrumImage group: Velox's compressed cube (dummy bytes here) and its frame range. */
	static void spectrumImage(WGroup root, String uuid, int frames, String json) {
		WGroup g = sub(sub(sub(root, "Data"), "SpectrumImage"), uuid);
		g.dataset("Data", DType.UINT8, new long[] { 16, 1 }, DatasetOptions.chunked(16, 1)).write(ByteBuffer.allocate(16));
		json(g, "SpectrumImageSettings", "{\"startFramePosition\": \"1\", \"endFramePosition\": \"" + frames + "\"}");
		metadata(g, 1, json);
	}

	/** A file-level block /&lt;group&gt;/&lt;type&gt;/&lt;uuid&gt;, e.g. an operation. */
	static void block(WGroup root, String group, String type, String uuid, String json) {
		WGroup g = sub(root, group);
		json(type == null ? g : sub(g, type), uuid, json);
	}

	/**
	 * A signal's Metadata JSON as Velox writes it (numbers as text, SI units).
	 *
	 * @param detectors detector names, Detector-0... ; EDS detectors (names starting "SuperX") get a
	 *                  dispersion of 10 eV and an offset of -250 eV
	 */
	static String metadataJson(String binaryDetector, Integer detectorIndex, double pixelSize, String pixelUnit, int scanW, int scanH,
			double areaFraction, List<String> detectors) {
		JsonObject m = new JsonObject();
		JsonObject instrument = new JsonObject();
		instrument.addProperty("Manufacturer", "FEI Company");
		instrument.addProperty("InstrumentClass", "Synthetic");
		m.add("Instrument", instrument);
		JsonObject acq = new JsonObject();
		JsonObject start = new JsonObject();
		start.addProperty("DateTime", "1488794201");
		acq.add("AcquisitionStartDatetime", start);
		m.add("Acquisition", acq);
		JsonObject optics = new JsonObject();
		optics.addProperty("AccelerationVoltage", "200000");
		optics.addProperty("CameraLength", "0.098000000000000004");
		optics.addProperty("OperatingMode", "2");
		optics.addProperty("BeamConvergence", "0.0215");
		m.add("Optics", optics);
		JsonObject stage = new JsonObject();
		JsonObject pos = new JsonObject();
		pos.addProperty("x", "-9.3725015999999995e-006");
		pos.addProperty("y", "0.00014370484649000001");
		pos.addProperty("z", "2.8805790000000001e-005");
		stage.add("Position", pos);
		stage.addProperty("AlphaTilt", String.valueOf(Math.toRadians(10)));
		stage.addProperty("BetaTilt", "0");
		m.add("Stage", stage);
		JsonObject scan = new JsonObject();
		JsonObject size = new JsonObject();
		size.addProperty("width", String.valueOf(scanW));
		size.addProperty("height", String.valueOf(scanH));
		scan.add("ScanSize", size);
		JsonObject area = new JsonObject();
		area.addProperty("left", "0.25");
		area.addProperty("top", "0.25");
		area.addProperty("right", String.format(Locale.ROOT, "%.10f", 0.25 + areaFraction));
		area.addProperty("bottom", String.format(Locale.ROOT, "%.10f", 0.25 + areaFraction));
		scan.add("ScanArea", area);
		scan.addProperty("DwellTime", "5e-005");
		scan.addProperty("FrameTime", "0.0416");
		m.add("Scan", scan);
		JsonObject dets = new JsonObject();
		for (int i = 0; i < detectors.size(); i++) {
			JsonObject d = new JsonObject();
			d.addProperty("DetectorName", detectors.get(i));
			if (detectors.get(i).startsWith("SuperX")) {
				d.addProperty("DetectorType", "AnalyticalDetector");
				d.addProperty("Dispersion", "10");
				d.addProperty("OffsetEnergy", "-250");
			} else {
				d.addProperty("DetectorType", "ScanningDetector");
			}
			dets.add("Detector-" + i, d);
		}
		m.add("Detectors", dets);
		JsonObject br = new JsonObject();
		if (detectorIndex != null) {
			br.addProperty("DetectorIndex", String.valueOf(detectorIndex));
		}
		br.addProperty("Detector", binaryDetector);
		JsonObject px = new JsonObject();
		px.addProperty("width", String.valueOf(pixelSize));
		px.addProperty("height", String.valueOf(pixelSize));
		br.add("PixelSize", px);
		br.addProperty("PixelUnitX", pixelUnit);
		br.addProperty("PixelUnitY", pixelUnit);
		JsonObject off = new JsonObject();
		off.addProperty("x", "0");
		off.addProperty("y", "0");
		br.add("Offset", off);
		m.add("BinaryResult", br);
		JsonObject cp = new JsonObject();
		JsonObject mag = new JsonObject();
		mag.addProperty("type", "double");
		mag.addProperty("value", "40000");
		cp.add("StemMagnification", mag);
		m.add("CustomProperties", cp);
		return m.toString();
	}

	static JsonArray numbers(int... z) {
		JsonArray a = new JsonArray();
		for (int v : z) {
			a.add(v);
		}
		return a;
	}
}
