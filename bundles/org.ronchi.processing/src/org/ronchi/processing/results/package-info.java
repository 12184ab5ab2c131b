/**
 * Where results go, format-neutral: a {@link org.ronchi.processing.results.ResultsStore} (a DS service;
 * EMD 1.0 in {@code org.ronchi.io.emd}) appends a {@link org.ronchi.processing.results.RunRecord}
 * (outputs as array nodes, {@link org.ronchi.processing.results.Provenance}), lists the
 * {@link org.ronchi.processing.results.StoredRun}s of a file for reuse and opens one
 * ({@link org.ronchi.processing.results.OpenedRun}); {@link org.ronchi.processing.results.ResultsStores}
 * finds a store by id. The engine owns when to write; a store owns how.
 */
package org.ronchi.processing.results;
