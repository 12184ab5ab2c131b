/**
 * Lazy n-dimensional data. A format describes where its bytes are with an
 * {@link org.ronchi.core.lazy.ArraySource} (geometry and one read method, like ImgLib2's cell loader);
 * {@link org.ronchi.core.lazy.LazyArrays} turns it into a January lazy dataset; {@link org.ronchi.core.lazy.Buffers}
 * is the single place raw bytes become January datasets; {@link org.ronchi.core.lazy.Shapes} does shape
 * arithmetic in long because January 2.3.2's sizes overflow past 2^31 elements. Variable-length data
 * (a list of records per grid position, EMD 1.0's PointListArray) is a
 * {@link org.ronchi.core.lazy.PointListSource} of {@link org.ronchi.core.lazy.PointList}s whose
 * {@link org.ronchi.core.lazy.RecordType} owns the record layout.
 */
package org.ronchi.core.lazy;
