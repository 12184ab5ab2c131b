package org.ronchi.io.hspy.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.model.DataFile;

/** {@code ronchi convert --to hspy}: HyperSpy's own format, file version 3.1 ({@link HspyWriter}). No options. */
@Component(service = FileWriter.class)
public class HspyFileWriter implements FileWriter {

	public HspyFileWriter() {
		// DS instantiates the writer; it holds no state
	}

	@Override
	public String id() {
		return "hspy";
	}

	@Override
	public String name() {
		return "HyperSpy";
	}

	@Override
	public List<String> extensions() {
		return List.of("hspy");
	}

	@Override
	public Set<Carries> carries() {
		return Set.of(Carries.SIGNALS, Carries.METADATA);
	}

	@Override
	public List<String> write(DataFile file, Path out, Map<String, Object> options) {
		FormatOption.checkKnown(out, name(), options, options());
		return HspyWriter.write(file, out);
	}
}
