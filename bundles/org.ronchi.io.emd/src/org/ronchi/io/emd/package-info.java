/**
 * EMD API for other bundles (the CLI): {@link org.ronchi.io.emd.EmdFiles} opens the EMD 1.0 model of a
 * file; the writers produce EMD 1.0 and NCEM EMD 0.2 files. The loader services live in
 * {@code org.ronchi.io.emd.internal} and are found through the loader registry.
 */
package org.ronchi.io.emd;
