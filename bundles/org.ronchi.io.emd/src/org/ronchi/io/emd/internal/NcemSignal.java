package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ronchi.io.emd.EmdDim;
import org.ronchi.io.emd.EmdException;
import org.ronchi.io.emd.NcemDataGroup;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.Views;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Axis;

/**
 * One NCEM/Prismatic signal from one data group, or from a stack of Prismatic depth groups: the lazy
 * view in HyperSpy's order and its axes. Prismatic marks navigation axes by which dim vectors describe
 * the detector (dim3, dim4 of a datacube; dim1, dim2 otherwise); plain NCEM files say nothing, so all
 * their axes are signal axes, as HyperSpy reads them.
 */
final class NcemSignal {
	static final String KIND = "emd-array";

	private NcemSignal() {
	}

	/** @return HyperSpy's title: the group name (Prismatic: without its 4-digit index), without "_depth" */
	static String title(List<NcemDataGroup> members, boolean prismatic) {
		String g = members.get(0).group().name();
		if (prismatic && !members.get(0).group().path().contains("ppotential") && g.matches(".*\\d{4}")) {
			g = g.substring(0, g.length() - 4);
		}
		return g.replace("_depth", "");
	}

	static ArrayNode build(String name, List<NcemDataGroup> members, NcemMetadata md, List<String> warnings) {
		NcemDataGroup first = members.get(0);
		Path file = md.file();
		List<ArraySource> sources = new ArrayList<>();
		for (NcemDataGroup m : members) {
			if (!Arrays.equals(m.data().shape(), first.data().shape()) || m.data().dtype() != first.data().dtype()) {
				throw new EmdException(file, m.data().path(), "depth stack member of shape " + Arrays.toString(m.data().shape())
						+ " differs from " + first.data().path() + " " + Arrays.toString(first.data().shape()));
			}
			sources.add(first.transposed() ? Views.transpose(m.data().source()) : m.data().source());
		}
		boolean stacked = sources.size() > 1;
		ArraySource source = stacked ? Views.stack(sources) : sources.get(0);
		List<Axis> axes = new ArrayList<>();
		if (stacked) {
			String g = first.group().name();
			axes.add(md.depthAxis(g.substring(0, g.length() - 4), sources.size(), warnings).withNavigate(true));
		}
		long[] shape = sources.get(0).shape();
		List<String> signalDims = first.data().name().equals("datacube") ? List.of("dim3", "dim4") : List.of("dim1", "dim2");
		for (int j = 0; j < shape.length; j++) {
			int raw = first.transposed() ? shape.length - 1 - j : j;
			EmdDim d = first.dims().get(raw);
			boolean nav = md.prismatic() && !signalDims.contains("dim" + (raw + 1));
			axes.add(d.axis(shape[j]).withNavigate(nav));
		}
		ArrayNode n = new ArrayNode(name, source).axes(axes).kind(KIND).title(title(members, md.prismatic()));
		md.describe(n, first, warnings);
		return n;
	}
}
