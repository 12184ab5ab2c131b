/**
 * Reader for TVIPS recorder streams ({@code <name>_000.tvips}, {@code _001.tvips}, ...): in-situ movies and
 * 4D-STEM scans. This package holds {@link org.ronchi.io.tvips.TvipsException}, the root of the errors it
 * raises; the reader is in {@code internal}. Nothing is exported: the loader is reached as an OSGi
 * {@link org.ronchi.core.io.FileLoader} service.
 */
package org.ronchi.io.tvips;
