/** Typed, hierarchical metadata: {@link org.ronchi.core.metadata.MetadataTree} and {@link org.ronchi.core.metadata.Quantity}. */
package org.ronchi.core.metadata;
