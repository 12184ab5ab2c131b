/**
 * The Dectris loader service ({@link org.ronchi.io.dectris.internal.DectrisLoader}) and what it reads:
 * the master file's links and detector facts ({@link org.ronchi.io.dectris.internal.MasterFile}), the
 * data files as one stack of frames ({@link org.ronchi.io.dectris.internal.DataFiles}), the scan shape
 * from the {@code STEM Metadata} sidecar ({@link org.ronchi.io.dectris.internal.Sidecar}) and the NeXus
 * tree as original metadata ({@link org.ronchi.io.dectris.internal.NexusFields}).
 */
package org.ronchi.io.dectris.internal;
