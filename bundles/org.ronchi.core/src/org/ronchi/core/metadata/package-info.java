/**
 * Typed, hierarchical metadata: {@link org.ronchi.core.metadata.MetadataTree} and
 * {@link org.ronchi.core.metadata.Quantity}; the vendor → standard mappings ({@link org.ronchi.core.metadata.MetadataMappings});
 * {@link org.ronchi.core.metadata.Units}, the one place units are converted (SI prefixes over a few base units).
 */
package org.ronchi.core.metadata;
