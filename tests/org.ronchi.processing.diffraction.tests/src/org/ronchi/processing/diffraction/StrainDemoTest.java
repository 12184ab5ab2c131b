package org.ronchi.processing.diffraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ronchi.core.model.DType;
import org.ronchi.hdf5.Hdf5Loader;
import org.ronchi.hdf5.writer.DatasetOptions;
import org.ronchi.hdf5.writer.Hdf5Writer;
import org.ronchi.processing.Engine;
import org.ronchi.processing.OperationRegistry;
import org.ronchi.processing.ProgressMonitor;
import org.ronchi.processing.diffraction.ops.BraggDisksOperation;
import org.ronchi.processing.diffraction.ops.EllipseOperation;
import org.ronchi.processing.diffraction.ops.LatticeOperation;
import org.ronchi.processing.diffraction.ops.Origin;
import org.ronchi.processing.diffraction.ops.Probe;
import org.ronchi.processing.diffraction.ops.StrainOperation;
import org.ronchi.processing.workflow.Workflow;
import org.ronchi.processing.workflow.WorkflowRunner;
import org.ronchi.tests.support.TestData;

/**
 * The truth check of issue 13 through the engine: a known crystal, probe and strain field written to a
 * file, the demo's workflow (probe → Bragg disks → origin → lattice → strain) run like any workflow.
 */
class StrainDemoTest {

	static OperationRegistry operations() {
		return OperationRegistry.of(List.of(new Probe(), new BraggDisksOperation(), new Origin(), new EllipseOperation(), new LatticeOperation(),
				new StrainOperation()));
	}

	/** Writes the crystal's scan as an HDF5 dataset /datacube, chunked by scan row. */
	static Path write(SyntheticCrystal c, Path dir) {
		Path f = dir.resolve("crystal.h5");
		long[] shape = c.source().shape();
		Hdf5Writer.write(f, root -> root.dataset("datacube", DType.FLOAT32, shape, DatasetOptions.chunked(1, (int) shape[1], (int) shape[2], (int) shape[3]))
				.writeFrom(c.source(), null));
		return f;
	}

	static StrainDemo.Report run(SyntheticCrystal c, Engine engine) throws Exception {
		Path dir = TestData.tempDir("strain");
		write(c, dir);
		Path wf = dir.resolve("strain.json");
		Files.writeString(wf, StrainDemo.workflowJson(c, "crystal.h5", "/datacube"), StandardCharsets.UTF_8);
		StrainDemo.Report[] report = new StrainDemo.Report[1];
		new WorkflowRunner(operations(), new org.ronchi.core.io.LoaderRegistry() {
			private final Hdf5Loader hdf5 = new Hdf5Loader();

			@Override
			public List<org.ronchi.core.io.FileLoader> loaders() {
				return List.of(hdf5);
			}

			@Override
			public org.ronchi.core.io.FileLoader select(Path path) {
				return hdf5;
			}

			@Override
			public org.ronchi.core.model.DataFile open(Path path, java.util.Map<String, Object> options) {
				return hdf5.open(path, options);
			}
		}, engine).run(Workflow.load(wf), ProgressMonitor.NULL, (input, steps) -> report[0] = StrainDemo.check(c, steps));
		return report[0];
	}

	/** The results store of org.ronchi.io.emd, which workflows write their results with. */
	static org.ronchi.processing.results.ResultsStores stores() {
		return org.ronchi.processing.results.ResultsStores.of(org.ronchi.tests.support.Services.all(StrainDemoTest.class,
				org.ronchi.processing.results.ResultsStore.class, "org.ronchi.io.emd.internal.Emd1ResultsStore"));
	}

	@Test
	void demoMeetsTheTargets() throws Exception {
		try (Engine e = new Engine(Engine.Config.defaults().threads(2), stores())) {
			StrainDemo.Report r = run(SyntheticCrystal.demo(), e);
			System.out.println("strain demo: " + r.toJson());
			assertEquals(256, r.positions());
			assertEquals(r.disksTrue(), r.disksMatched(), "every true disk found");
			assertTrue(r.braggPositionRmsPx() <= 0.1, "bragg_position_rms_px " + r.braggPositionRmsPx());
			assertTrue(r.strainRmsError() <= 1e-3, "strain_rms_error " + r.strainRmsError());
			assertEquals(5, r.probeRadiusPx(), 0.5, "probe radius");
			assertTrue(r.originPlaneRmsPx() < 0.05, "origin plane rms " + r.originPlaneRmsPx());
		}
	}

	@Test
	void noiseFreeCrystalIsMeasuredFarBetterThanTheTargets() throws Exception {
		try (Engine e = Engine.inline(stores())) {
			StrainDemo.Report r = run(new SyntheticCrystal(10, 8, 128, 5, 1.5, 0, 7, 2), e);
			assertTrue(r.braggPositionRmsPx() < 0.01, "bragg_position_rms_px " + r.braggPositionRmsPx());
			assertTrue(r.strainRmsError() < 1e-4, "strain_rms_error " + r.strainRmsError());
		}
	}
}
