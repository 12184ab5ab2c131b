/**
 * The metadata view's content: {@link org.ronchi.ui.metadata.MetadataPanel} shows a selected signal's
 * (or file's) standard metadata tree with units and the vendor's original tree, searchable, and copies
 * either as JSON ({@link org.ronchi.ui.metadata.MetadataJson}, the same shape {@code ronchi metadata
 * --json} prints).
 */
package org.ronchi.ui.metadata;
