/**
 * The blockfile loader: {@link org.ronchi.io.blockfile.internal.BlockfileHeader} (the fixed header and its
 * note) and {@link org.ronchi.io.blockfile.internal.BlockfileLoader} (the service; patterns as a core
 * {@code Layout} of frames behind a 6-byte marker each, placed on the scan by {@code Scan}).
 */
package org.ronchi.io.blockfile.internal;
