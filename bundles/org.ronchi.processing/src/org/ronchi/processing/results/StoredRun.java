package org.ronchi.processing.results;

/**
 * A run recorded in a results file, as {@link ResultsStore#runs} lists it.
 *
 * @param name the run's name in the file (EMD 1.0: the root group, {@code Source-Tool_NNN})
 */
public record StoredRun(String name, Provenance provenance) {
}
