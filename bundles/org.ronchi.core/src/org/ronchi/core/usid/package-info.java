/**
 * The USID data model (Universal Spectroscopic and Imaging Data, pyUSID 0.0.4), on the core tree and
 * January only, so that any loader and any writer can use it: {@link org.ronchi.core.usid.MainDataset}
 * (pyUSID's USIDataset: a 2-D Main dataset, its ancillaries, the N-dimensional form and slicing by
 * dimension name), {@link org.ronchi.core.usid.MainCheck} (check_if_main, saying why not),
 * {@link org.ronchi.core.usid.Dimension} and {@link org.ronchi.core.usid.IndexMatrix} (building and
 * reading index/value matrices, fastest dimension first), {@link org.ronchi.core.usid.ChunkSize}
 * (calc_chunks), {@link org.ronchi.core.usid.ResultsGroup} (Source-Tool_NNN provenance groups).
 * <p>
 * Hand-written rather than a library because pyUSID is Python and nothing in Java reads USID; the rules
 * follow pyUSID 0.0.4's code and documentation, and docs/usid.md lists where Ronchi differs and why.
 * Errors are {@link org.ronchi.core.usid.UsidException}s naming the file, the object and the rule.
 */
package org.ronchi.core.usid;
