/**
 * The processing API. An {@link org.ronchi.processing.Operation} (a DS service) declares typed
 * {@link org.ronchi.processing.Parameter}s and an {@link org.ronchi.processing.InputSpec}; for a run
 * its {@code prepare} declares {@link org.ronchi.processing.BufferSpec}s (NAV, SIG, SINGLE, RESULT, POINTS) on
 * a {@link org.ronchi.processing.Setup} and returns a {@link org.ronchi.processing.Kernel} (map per
 * {@link org.ronchi.processing.Frame} or {@link org.ronchi.processing.Tile}, merge, finish). The
 * {@link org.ronchi.processing.Engine} runs a {@link org.ronchi.processing.RunRequest} and returns a
 * {@link org.ronchi.processing.RunResult}, handing results files to a store of
{@link org.ronchi.processing.results}; the {@link org.ronchi.processing.OperationRegistry} service
 * lists operations; {@link org.ronchi.processing.Schemas} describes them for {@code ronchi ops}. Every
 * error is a {@link org.ronchi.processing.ProcessingException}. docs/processing.md has the contract.
 * <p>
 * Hand-written rather than built on a dataflow library (Dask-like executors, Spark, ImgLib2's
 * parallelization): none reads HDF5 chunks raw, merges in a deterministic order, resumes from a
 * partial run and stays inside an OSGi bundle without dragging a runtime along; the engine is a few
 * hundred lines over {@code java.util.concurrent}.
 */
package org.ronchi.processing;
