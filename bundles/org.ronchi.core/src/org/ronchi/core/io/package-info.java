/**
 * Format services: the {@link org.ronchi.core.io.FileLoader} a format bundle registers, the
 * {@link org.ronchi.core.io.LoaderRegistry} that picks one by content, the {@link org.ronchi.core.io.FileProbe}
 * they share; the {@link org.ronchi.core.io.FileWriter} a format bundle may register too and the
 * {@link org.ronchi.core.io.WriterRegistry} that lists writers by id; the
 * {@link org.ronchi.core.io.FormatOption}s both describe themselves with; and the exception root
 * {@link org.ronchi.core.io.RonchiException} all bundles extend.
 */
package org.ronchi.core.io;
