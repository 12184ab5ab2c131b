package org.ronchi.headless;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eclipse.january.dataset.Dataset;
import org.ronchi.core.io.InvalidRequestException;
import org.ronchi.core.lazy.ArraySource;
import org.ronchi.core.lazy.LazyArrays;
import org.ronchi.core.lazy.NumpySlice;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.DataFile;
import org.ronchi.core.npy.NpyWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", description = "Write a dataset (HDF5 path like /a/b, or signal:N) to a NumPy .npy file, "
		+ "C order, dtype preserved; only the requested slice is read.")
final class ExportCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@picocli.CommandLine.Mixin
	LoaderOptions loaderOptions = new LoaderOptions();

	@Parameters(index = "0", paramLabel = "FILE")
	Path file;

	@Parameters(index = "1", paramLabel = "PATH", description = "dataset path (/group/data) or signal id (signal:0)")
	String path;

	@Option(names = "--npy", required = true, paramLabel = "OUT.npy", description = "output file (written atomically)")
	Path out;

	@Option(names = "--slice", paramLabel = "SLICE", description = "NumPy slice, e.g. \"0:2,:,5\"")
	String slice;

	@Option(names = "--ndim", description = "an array stored folded (a USID Main dataset) in its N-dimensional form "
			+ "(positions and spectroscopic dimensions unfolded, slowest first), as pyUSID's get_n_dim_form()")
	boolean ndim;

	@Option(names = "--sort-dims", description = "with --ndim: sort dimensions as pyUSID's sort_dims=True")
	boolean sortDims;

	@Option(names = "--squeeze", description = "with --ndim: drop dimensions of size 1 (then equals HyperSpy's data)")
	boolean squeeze;

	@Override
	public Integer call() {
		try (DataFile f = cli.services.loaders().open(file, loaderOptions.map())) {
			ArrayNode a = f.find(path);
			if (a == null) {
				throw new InvalidRequestException(file, path, "no such dataset or signal (see: ronchi info " + file + ")");
			}
			if (ndim) {
				if (a.ndimForm() == null) {
					throw new InvalidRequestException(file, path, "--ndim: this " + a.kind() + " is stored as it is meant; it has no "
							+ "N-dimensional form (that of a USID Main dataset, say)");
				}
				a = a.ndimForm().array(sortDims, squeeze);
			} else if (sortDims || squeeze) {
				throw new InvalidRequestException(file, path, "--sort-dims and --squeeze go with --ndim");
			}
			if (!a.dtype().isNumeric()) {
				throw new InvalidRequestException(file, path, a.dtype().numpyName() + " data cannot be exported to .npy");
			}
			ArraySource src = a.source();
			long[] shape = src.shape();
			if (slice == null) {
				NpyWriter.write(out, a.dtype(), shape, (from, count) -> {
					long[] start = new long[shape.length];
					int[] cnt = org.ronchi.core.lazy.Shapes.toInt(shape);
					if (shape.length > 0) {
						start[0] = from;
						cnt[0] = count;
					}
					return src.read(start, cnt);
				});
			} else {
				NumpySlice s;
				try {
					s = NumpySlice.parse(slice, shape);
				} catch (IllegalArgumentException e) {
					throw new InvalidRequestException(file, path, e.getMessage());
				}
				Dataset d = LazyArrays.read(src, s.start(), s.stop(), s.step());
				d = d.reshape(s.resultShape());
				NpyWriter.write(out, a.dtype(), d);
			}
			cli.err.printf("wrote %s%n", out);
		}
		return 0;
	}
}
