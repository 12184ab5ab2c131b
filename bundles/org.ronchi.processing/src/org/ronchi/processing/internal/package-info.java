/**
 * The engine's implementation, not API: {@code Planner} (the {@code Setup} operations see: splits the
 * input, validates, completes buffer declarations), {@code Partitioner} (partitions and tiles aligned
 * with storage chunks and navigation blocks), {@code Execution} (reuse lookup, resume, the partition
 * loop, merge, finish, hand-over to the results store), {@code PartitionMapper} (one partition to its
 * partial buffers, touching no file), {@code TileView}/{@code Worker}/{@code FrameConvert} (frames as
 * primitive arrays), {@code NavStore} and {@code PointStore} (NAV outputs and point lists in memory or
 * scratch files), {@code RunOutputs} (what finish sees; outputs as array nodes), {@code Checkpoint}
 * (resume state), {@code RunKey}/{@code RunProvenance} (a run's identity and provenance),
 * {@code OperationRegistryImpl} and {@code ResultsStoresImpl} (the DS registries). The thread pool is
 * {@code java.util.concurrent}; no library is needed.
 */
package org.ronchi.processing.internal;
