package org.ronchi.io.usid.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.usid.UsidWriter;

/**
 * {@code ronchi convert --to usid}: every signal as a Main dataset ({@link UsidWriter}). Results groups
 * are written through {@link UsidWriter}'s own API, with a signal and its runs.
 */
@Component(service = FileWriter.class)
public class UsidFileWriter implements FileWriter {

	public UsidFileWriter() {
		// DS instantiates the writer; it holds no state
	}

	@Override
	public String id() {
		return "usid";
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
	public Set<Carries> carries() {
		return Set.of(Carries.SIGNALS); // quantity, units and calibrated dimensions; no metadata tree
	}

	@Override
	public List<String> write(DataFile file, Path out, Map<String, Object> options) {
		FormatOption.checkKnown(out, name(), options, options());
		UsidWriter.write(file, out);
		return List.of();
	}
}
