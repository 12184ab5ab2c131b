package org.ronchi.io.velox.internal;

import java.util.List;
import java.util.function.Function;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Attributes;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;

/**
 * {@code /Data/Spectrum/<uuid>}: an EDS spectrum, {@code Data} stored as {@code (channels, 1)} uint32
 * (one per detector segment in a Super-X file), shown as {@code (channels,)}; a {@code (channels, n)}
 * dataset becomes a stack {@code (n, channels)}. The energy axis comes from the detector entry.
 */
final class SpectrumGroup {
	private SpectrumGroup() {
	}

	/**
	 * @param several whether the file holds more than one spectrum: each is then titled after its detector
	 *                segment ("EDS SuperXG21"), a single one just "EDS"
	 */
	static ArrayNode signal(VeloxFile f, Group g, boolean several, Function<String, String> names) {
		ArrayNode data = f.dataset(g, "Data");
		long[] s = data.shape();
		if (s.length < 1 || s.length > 2 || !data.dtype().isNumeric() || data.dtype().isComplex()) {
			throw new VeloxException(f.path, data.path(), "not a spectrum: " + data.dtype().numpyName() + " data of shape "
					+ java.util.Arrays.toString(s) + " (Velox stores (channels, 1))");
		}
		f.checkStored(data);
		MetadataTree original = f.frameMetadata(g);
		Axis energy = Calibrations.energy(original, "Energy", s[0], 1);
		ArraySource view;
		List<Axis> axes;
		if (s.length == 1) {
			view = data.source();
			axes = List.of(energy);
		} else if (s[1] == 1) {
			view = Views.fix(data.source(), 1, 0); // (channels, 1) as (channels,)
			axes = List.of(energy);
		} else {
			view = Views.permute(data.source(), 1, 0);
			axes = List.of(new Axis("Stack", "", s[1], 1, 0, null, true), energy);
		}
		String detector = Attributes.asString(original.at("BinaryResult", "Detector"));
		String title = several && detector != null && !detector.isEmpty() ? "EDS " + detector : "EDS";
		ArrayNode node = new ArrayNode(names.apply(title), view).axes(axes).title(title).kind("spectrum").quantity("X-rays", "counts");
		node.attribute("velox_path", g.path());
		node.originalMetadata(original);
		node.metadata(VeloxMetadata.standard(f, original, new VeloxMetadata.Facts(title, "EDS_TEM", "X-rays", "counts", true)));
		return node;
	}
}
