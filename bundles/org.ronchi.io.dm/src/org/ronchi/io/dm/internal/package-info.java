/**
 * The DM {@link org.ronchi.core.io.FileLoader} service ({@link org.ronchi.io.dm.internal.DmLoader}) and
 * the making of one signal per image ({@link org.ronchi.io.dm.internal.DmSignal}).
 */
package org.ronchi.io.dm.internal;
