package org.ronchi.ui.stem4d;

import java.util.function.BooleanSupplier;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.processing.Engine;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.RunRequest;
import org.ronchi.processing.RunResult;

/**
 * Virtual images through the processing engine's {@code stem4d.virtual-image} operation, in memory (no
 * results file): the explorer shows what a batch run of that operation computes, and saves it as one.
 */
public final class EngineDetector implements VirtualDetector {
	public static final String OPERATION = "stem4d.virtual-image";

	private final Engine engine;
	private final OperationRegistry registry;

	public EngineDetector(Engine engine, OperationRegistry registry) {
		this.engine = engine;
		this.registry = registry;
	}

	@Override
	public Dataset compute(ArrayNode cube, DetectorShape d, BooleanSupplier superseded) {
		long[] s = cube.shape();
		RunRequest req = request(cube, d).progress(new ProgressMonitor() {
			@Override
			public void begin(String task, long totalWork) {
			}

			@Override
			public void worked(long work) {
			}

			@Override
			public boolean isCanceled() {
				return superseded.getAsBoolean();
			}
		});
		try (RunResult r = engine.run(req)) {
			ArrayNode img = r.output("image");
			long[] shape = img.shape();
			return img.source().read(new long[shape.length], org.ronchi.core.lazy.Shapes.toInt(shape)).reshape((int) s[0], (int) s[1]);
		}
	}

	@Override
	public RunRequest request(ArrayNode cube, DetectorShape d) {
		long[] s = cube.shape();
		return RunRequest.of(registry.get(OPERATION), cube).params(d.params((int) s[2], (int) s[3])).navRank(2);
	}

	@Override
	public RunResult run(RunRequest request) {
		return engine.run(request);
	}

	@Override
	public String describe() {
		return "the processing engine (" + OPERATION + ")";
	}
}
