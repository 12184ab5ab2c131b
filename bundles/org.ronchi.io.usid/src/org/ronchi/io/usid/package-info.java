/**
 * The USID data model (Universal Spectroscopic and Imaging Data, pyUSID 0.0.4) and this bundle's API;
 * the one owner of USID knowledge in Ronchi: {@link org.ronchi.io.usid.MainDataset}
 * (pyUSID's USIDataset: a 2-D Main dataset, its ancillaries, the N-dimensional form and slicing by
 * dimension name), {@link org.ronchi.io.usid.MainCheck} (check_if_main, saying why not),
 * {@link org.ronchi.io.usid.Dimension} and {@link org.ronchi.io.usid.IndexMatrix} (building and
 * reading index/value matrices, fastest dimension first), {@link org.ronchi.io.usid.ChunkSize}
 * (calc_chunks), {@link org.ronchi.io.usid.ResultsGroup} (Source-Tool_NNN provenance groups), and the
 * h5USID writer. The loader service lives in {@code org.ronchi.io.usid.internal}.
 * <p>
 * Hand-written rather than a library because pyUSID is Python and nothing in Java reads USID; the rules
 * follow pyUSID 0.0.4's code and documentation, and docs/usid.md lists where Ronchi differs and why.
 * Errors are {@link org.ronchi.io.usid.UsidException}s naming the file, the object and the rule.
 */
package org.ronchi.io.usid;
