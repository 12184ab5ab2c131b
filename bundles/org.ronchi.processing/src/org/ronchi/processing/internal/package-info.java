/**
 * The engine's implementation, not API: {@code Planner} (the {@code Setup} operations see: splits the
 * input, validates, completes buffer declarations), {@code Partitioner} (partitions and tiles aligned
 * with storage chunks and navigation blocks), {@code Execution} (reuse, resume, the partition loop,
 * finish, results), {@code TileView}/{@code Worker}/{@code FrameConvert} (frames as primitive arrays),
 * {@code NavStore} (NAV outputs in memory or scratch files), {@code Checkpoint} (resume state),
 * {@code ResultsFile}/{@code Provenance} (the EMD 1.0 results file), {@code OperationRegistryImpl}
 * (the DS registry). The thread pool is {@code java.util.concurrent}; no library is needed.
 */
package org.ronchi.processing.internal;
