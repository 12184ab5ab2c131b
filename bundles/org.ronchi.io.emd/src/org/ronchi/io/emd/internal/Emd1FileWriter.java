package org.ronchi.io.emd.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.model.DataFile;
import org.ronchi.io.emd.Emd1Writer;

/**
 * {@code ronchi convert --to emd1}: an EMD 1.0 file tree for tree, any other file one tree per signal
 * ({@link Emd1Writer}).
 */
@Component(service = FileWriter.class)
public class Emd1FileWriter implements FileWriter {

	public Emd1FileWriter() {
		// DS instantiates the writer; it holds no state
	}

	@Override
	public String id() {
		return "emd1";
	}

	@Override
	public String name() {
		return "EMD 1.0 (emdfile / py4DSTEM)";
	}

	@Override
	public List<String> extensions() {
		return List.of("emd", "h5");
	}

	@Override
	public Set<Carries> carries() {
		return Set.of(Carries.SIGNALS, Carries.METADATA, Carries.POINT_LISTS);
	}

	@Override
	public List<String> write(DataFile file, Path out, Map<String, Object> options) {
		FormatOption.checkKnown(out, name(), options, options());
		return Emd1Writer.write(file, out);
	}
}
