package org.ronchi.io.usid.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.UnsupportedFormatException;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.model.Group;
import org.ronchi.core.model.Node;
import org.ronchi.core.model.Reference;
import org.ronchi.io.usid.MainCheck;
import org.ronchi.io.usid.MainDataset;
import org.ronchi.io.usid.UsidException;
import org.ronchi.hdf5.Hdf5File;
import org.ronchi.hdf5.Hdf5FormatLoader;

/**
 * h5USID files (pyUSID / pycroscopy): every Main dataset is a signal, in tree order (groups and
 * datasets by name, as h5py visits them), 2-D as stored (positions x spectroscopic steps) with kind
 * {@value MainDataset#KIND}, each carrying its N-dimensional form ({@link MainDataset#ndim}) as
 * {@link ArrayNode#ndimForm()}.
 * <p>
 * A dataset that carries the four ancillary reference attributes but breaks a Main rule (a reference
 * pointing nowhere, ancillary shapes that disagree) fails the open with a {@link UsidException};
 * option {@code "lenient" = true} skips it with a warning instead. Main datasets of compound records
 * (fit results) are skipped with a warning: their fields have no numeric form in the core model.
 */
@Component(service = FileLoader.class)
public class UsidLoader extends Hdf5FormatLoader {
	static final String LENIENT = "lenient";

	public UsidLoader() {
		// DS instantiates the loader; it holds no state
	}

	@Override
	public String name() {
		return "h5USID";
	}

	@Override
	public List<String> extensions() {
		return List.of("h5", "hdf5");
	}

	@Override
	public List<FormatOption> options() {
		return List.of(FormatOption.bool(LENIENT, false, "skip a dataset that breaks a Main rule, with a warning, instead of failing the open"));
	}

	@Override
	public int probe(FileProbe probe) {
		try {
			Hdf5File h = probe.shared(Hdf5File.PROBE_KEY, Hdf5File::forProbe);
			if (h == null) {
				return 0;
			}
			for (ArrayNode a : h.tree().arrays()) {
				if (looksMain(a)) {
					return SPECIFIC;
				}
			}
			return 0;
		} catch (RuntimeException e) {
			return 0;
		}
	}

	/** The USID structure, before any check: quantity, units and the four reference attributes. */
	static boolean looksMain(Node n) {
		if (n.attribute("quantity") == null || n.attribute("units") == null) {
			return false;
		}
		for (String a : MainCheck.ANCILLARIES) {
			if (!(n.attribute(a) instanceof Reference)) {
				return false;
			}
		}
		return true;
	}

	@Override
	protected DataFile open(Hdf5File h, Map<String, Object> options) {
		Path path = h.path();
		boolean lenient = Boolean.TRUE.equals(options.get(LENIENT));
		try {
			Group root = h.tree();
			List<String> warnings = new ArrayList<>();
			List<MainDataset> mains = new ArrayList<>();
			for (ArrayNode a : root.arrays()) {
				if (!hasAncillaryAttributes(a)) {
					continue;
				}
				if (!a.dtype().isNumeric()) {
					// compound records (pyUSID's SHO fit results) have no numeric form here yet
					warnings.add(a.path() + ": Main dataset of " + a.dtype().numpyName() + " records is not read as a signal");
					continue;
				}
				try {
					mains.add(MainDataset.of(path, a));
				} catch (UsidException e) {
					if (!lenient) {
						throw e;
					}
					warnings.add(e.getMessage());
				}
			}
			if (mains.isEmpty()) {
				throw new UnsupportedFormatException(path, "/", "no USID Main dataset (a 2-D dataset with quantity, units and the"
						+ " four ancillary references)" + (warnings.isEmpty() ? "" : ": " + warnings.get(0)));
			}
			DataFile df = new DataFile(path, name(), UsidSignal.version(root, mains.get(0)), root, h);
			for (MainDataset m : mains) {
				df.addSignal(UsidSignal.describe(path, m, warnings));
			}
			df.metadata().merge(df.signals().get(0).metadata());
			df.originalMetadata().merge(UsidSignal.attributes(root));
			warnings.forEach(df::warn);
			return df;
		} catch (RuntimeException e) {
			h.close();
			throw e;
		}
	}

	private static boolean hasAncillaryAttributes(ArrayNode a) {
		for (String n : MainCheck.ANCILLARIES) {
			if (a.attribute(n) == null) {
				return false;
			}
		}
		return true;
	}
}
