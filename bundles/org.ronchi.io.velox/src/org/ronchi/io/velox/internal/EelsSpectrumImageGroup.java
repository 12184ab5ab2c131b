package org.ronchi.io.velox.internal;

import java.util.List;
import java.util.function.Function;

import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.metadata.MetadataTree;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;
import org.ronchi.core.model.Group;

/**
 * {@code /Data/EelsSpectrumImage/<id>}: an EELS spectrum image (one per energy range of a Zebra
 * detector), {@code Data} plus {@code AcquisitionMetadata} JSON whose {@code Data/offset} and
 * {@code Data/dispersion} calibrate the energy-loss axis (eV). The pixel grid's calibration is the
 * {@code BinaryResult} of the file's {@code /Data/SpectrumImage}.
 * <p>
 * The axis order follows RosettaSciIO's reading (a 3-D cube stored {@code (a, b, c)} is shown as
 * {@code (c, a, b)} = (y, x, energy loss); a 2-D one as (x, energy loss)); no EELS file was available
 * to check it against, see docs/formats/velox.md.
 */
final class EelsSpectrumImageGroup {
	private EelsSpectrumImageGroup() {
	}

	static ArrayNode signal(VeloxFile f, Group g, MetadataTree siMetadata, Function<String, String> names) {
		ArrayNode data = f.dataset(g, "Data");
		long[] s = data.shape();
		if (s.length != 2 && s.length != 3 || !data.dtype().isNumeric() || data.dtype().isComplex()) {
			throw new VeloxException(f.path, data.path(), "unsupported EELS spectrum image: " + data.dtype().numpyName()
					+ " data of shape " + java.util.Arrays.toString(s));
		}
		f.checkStored(data);
		MetadataTree acquisition = g.child("AcquisitionMetadata") instanceof ArrayNode a ? f.json(a) : new MetadataTree();
		double offset = Calibrations.number(acquisition.at("Data", "offset"), 0);
		double dispersion = Calibrations.number(acquisition.at("Data", "dispersion"), 1);
		MetadataTree grid = siMetadata != null ? siMetadata : new MetadataTree();
		ArraySource view;
		List<Axis> axes;
		if (s.length == 3) {
			view = Views.permute(data.source(), 2, 0, 1);
			Axis[] yx = Calibrations.grid(grid, s[2], s[0], true, f.options.units());
			axes = List.of(yx[0], yx[1], new Axis("Energy loss", "eV", s[1], dispersion, offset, null, false));
		} else {
			view = data.source();
			Axis x = Calibrations.grid(grid, 1, s[0], true, f.options.units())[1];
			axes = List.of(x, new Axis("Energy loss", "eV", s[1], dispersion, offset, null, false));
		}
		MetadataTree original = f.frameMetadata(g);
		original.put("AcquisitionMetadata", acquisition);
		ArrayNode node = new ArrayNode(names.apply("EELS"), view).axes(axes).title("EELS").kind(s.length == 3 ? "spectrum-image" : "line-scan")
				.quantity("Electrons", "counts");
		node.attribute("velox_path", g.path());
		node.originalMetadata(original);
		node.metadata(VeloxMetadata.standard(f, original, new VeloxMetadata.Facts("EELS", "EELS", "Electrons", "counts", false)));
		return node;
	}
}
