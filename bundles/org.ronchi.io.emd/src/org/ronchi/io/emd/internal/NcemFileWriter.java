package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.NcemWriter;

/** {@code ronchi convert --to ncem}: Berkeley/NCEM EMD 0.2 as HyperSpy and ncempy write it ({@link NcemWriter}). */
@Component(service = FileWriter.class)
public class NcemFileWriter implements FileWriter {

	public NcemFileWriter() {
		// DS instantiates the writer; it holds no state
	}

	@Override
	public String id() {
		return "ncem";
	}

	@Override
	public String name() {
		return "Berkeley/NCEM EMD 0.2";
	}

	@Override
	public List<String> extensions() {
		return List.of("emd", "h5");
	}

	@Override
	public Set<Carries> carries() {
		return Set.of(Carries.SIGNALS, Carries.METADATA);
	}

	@Override
	public List<String> write(DataFile file, Path out, Map<String, Object> options) {
		FormatOption.checkKnown(out, name(), options, options());
		NcemWriter.write(file, out);
		return List.of();
	}
}
