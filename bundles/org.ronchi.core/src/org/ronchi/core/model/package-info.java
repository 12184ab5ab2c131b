/**
 * The data model every loader returns and every operation and view consumes: a tree of
 * {@link org.ronchi.core.model.Group}s and {@link org.ronchi.core.model.ArrayNode}s with attributes,
 * calibrated {@link org.ronchi.core.model.Axis axes}, {@link org.ronchi.core.model.DType NumPy-named element
 * types}, and the {@link org.ronchi.core.model.DataFile} that owns an opened file.
 */
package org.ronchi.core.model;
