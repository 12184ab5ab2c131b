package org.ronchi.headless;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;
import org.ronchi.core.io.RonchiException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The demo: synthesises a small 4D-STEM scan ({@link SampleDataCube}), writes it as an HDF5 file,
 * opens it again through the loader registry like any user file, and prints its tree and info.
 */
@Command(name = "demo", description = "Synthesise a small 4D-STEM sample, write it, open it and show what Ronchi sees.")
final class DemoCommand implements Callable<Integer> {
	@ParentCommand
	RonchiCli cli;

	@Option(names = "--out", paramLabel = "DIR", description = "where to write the sample (default: ./ronchi-demo)")
	Path outDir = Paths.get("ronchi-demo");

	@Override
	public Integer call() throws IOException {
		Files.createDirectories(outDir);
		Path sample = outDir.resolve("sample_4dstem.h5");
		SampleDataCube cube = new SampleDataCube(16, 16, 32, 32, 42);
		write(cube, sample);
		cli.out.printf("Wrote a synthetic 4D-STEM scan (%d x %d positions, %d x %d detector) to %s%n%n", cube.scanY, cube.scanX,
				cube.detY, cube.detX, sample);
		int code = RonchiCli.run(cli.services, cli.out, cli.err, "tree", sample.toString(), "--attrs");
		if (code != 0) {
			return code;
		}
		cli.out.println();
		return RonchiCli.run(cli.services, cli.out, cli.err, "info", sample.toString());
	}

	static void write(SampleDataCube cube, Path target) {
		Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
		try {
			Files.deleteIfExists(tmp);
			try (WritableHdfFile f = HdfFile.write(tmp)) {
				f.putAttribute("authoring_program", "ronchi demo");
				WritableGroup g = f.putGroup("datacube");
				g.putAttribute("description", "synthetic 4D-STEM scan: BF disk with phase-gradient shift, Bragg disks, "
						+ "thickness wedge along x, Poisson noise (seed 42)");
				WritableDataset d = g.putDataset("data", cube.counts);
				d.putAttribute("dims", new String[] { "Ry", "Rx", "Qy", "Qx" });
				d.putAttribute("units", new String[] { "nm", "nm", "1/nm", "1/nm" });
				d.putAttribute("scale", new double[] { 0.5, 0.5, 0.05, 0.05 });
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException | RuntimeException e) {
			try {
				Files.deleteIfExists(tmp);
			} catch (IOException ignored) {
				// nothing more to clean
			}
			throw new RonchiException(target, null, "cannot write the demo sample: " + e.getMessage(), e);
		}
	}
}
