/**
 * Loader services: the {@link org.ronchi.core.io.FileLoader} a format bundle registers, the
 * {@link org.ronchi.core.io.LoaderRegistry} that picks one by content, the {@link org.ronchi.core.io.FileProbe}
 * they share, and the exception root {@link org.ronchi.core.io.RonchiException} all bundles extend.
 */
package org.ronchi.core.io;
