package org.ronchi.headless.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ronchi.core.io.FileWriter;
import org.ronchi.core.io.FormatOption;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.Shapes;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyWriter;

/** A writer a test bundle contributes: one signal of the file as a NumPy .npy (option {@code signal}, default 0). */
final class NpyWriterService implements FileWriter {

	@Override
	public String id() {
		return "test-npy";
	}

	@Override
	public String name() {
		return "NumPy .npy (one signal; a test writer)";
	}

	@Override
	public List<String> extensions() {
		return List.of("npy");
	}

	@Override
	public Set<Carries> carries() {
		return Set.of(Carries.SIGNALS);
	}

	@Override
	public List<FormatOption> options() {
		return List.of(new FormatOption("signal", "integer", "0", "which signal to write"));
	}

	@Override
	public List<String> write(DataFile file, Path out, Map<String, Object> options) {
		FormatOption.checkKnown(out, name(), options, options());
		int i = options.get("signal") instanceof Integer n ? n : 0;
		if (i < 0 || i >= file.signals().size()) {
			throw new InvalidRequestException(file.path(), "signal:" + i, "no such signal");
		}
		ArrayNode a = file.signals().get(i);
		NpyWriter.write(out, a.dtype(), a.source().read(new long[a.rank()], Shapes.toInt(a.shape())));
		return file.signals().size() > 1 ? List.of("wrote signal:" + i + " only") : List.of();
	}
}
