/**
 * Format services: the {@link org.ronchi.core.io.FileLoader} a format bundle registers, the
 * {@link org.ronchi.core.io.LoaderRegistry} that picks one by content, the {@link org.ronchi.core.io.FileProbe}
 * they share; the {@link org.ronchi.core.io.FileWriter} a format bundle may register too and the
 * {@link org.ronchi.core.io.WriterRegistry} that lists writers by id; the
 * {@link org.ronchi.core.io.FormatOption}s both describe themselves with; and the exception root
 * {@link org.ronchi.core.io.RonchiException} all bundles extend. Binary readers read through
 * {@link org.ronchi.core.io.ByteSource}s: {@link org.ronchi.core.io.FileBytes} (an opened file, errors
 * typed as the opening bundle's root), several files read as one, or memory.
 */
package org.ronchi.core.io;
