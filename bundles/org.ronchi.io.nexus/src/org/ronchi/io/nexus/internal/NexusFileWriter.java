package org.ronchi.io.nexus.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.model.DataFile;

/** {@code ronchi convert --to nexus}: NXentry/NXdata per signal as DAWN and HyperSpy read it ({@link NexusWriter}). No options. */
@Component(service = FileWriter.class)
public class NexusFileWriter implements FileWriter {

	public NexusFileWriter() {
		// DS instantiates the writer; it holds no state
	}

	@Override
	public String id() {
		return "nexus";
	}

	@Override
	public String name() {
		return "NeXus";
	}

	@Override
	public List<String> extensions() {
		return List.of("nxs");
	}

	@Override
	public Set<Carries> carries() {
		return Set.of(Carries.SIGNALS, Carries.METADATA);
	}

	@Override
	public List<String> write(DataFile file, Path out, Map<String, Object> options) {
		FormatOption.checkKnown(out, name(), options, options());
		return NexusWriter.write(file, out);
	}
}
