import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.ronchi.core.internal.LoaderRegistryImpl;
import org.ronchi.core.io.FileLoader;
import org.ronchi.core.io.LoaderRegistry;
import org.ronchi.core.io.WriterRegistry;
import org.ronchi.headless.RonchiCli;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.results.ResultsStores;

/**
 * {@code ronchi catalog DIR --recursive --jsonl OUT --threads N} on a flat class path, with the loaders
 * named on the command line (bench/catalog.sh finds every FileLoader component in the sources, so a new
 * format bundle is benchmarked without a change here). Prints the catalogue's own time in ms on stdout.
 *
 *   java CatalogBench DIR OUT THREADS LOADER_CLASS...
 */
public final class CatalogBench {
	public static void main(String[] args) throws Exception {
		LoaderRegistryImpl reg = new LoaderRegistryImpl();
		for (String c : Arrays.copyOfRange(args, 3, args.length)) {
			reg.register((FileLoader) Class.forName(c).getConstructor().newInstance());
		}
		RonchiCli.Services services = new RonchiCli.Services() {
			@Override
			public LoaderRegistry loaders() {
				return reg;
			}

			@Override
			public WriterRegistry writers() {
				return List::of;
			}

			@Override
			public OperationRegistry operations() {
				return List::of;
			}

			@Override
			public ResultsStores resultsStores() {
				return ResultsStores.NONE;
			}
		};
		long t0 = System.nanoTime();
		PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
		int code = RonchiCli.run(services, System.out, err, "catalog", args[0], "--recursive", "--jsonl", args[1], "--threads", args[2]);
		long ms = (System.nanoTime() - t0) / 1_000_000;
		System.out.println("catalog_ms " + ms);
		System.exit(code);
	}
}
