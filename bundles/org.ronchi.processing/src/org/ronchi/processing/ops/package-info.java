/**
 * Operations that are not specific to a technique, as DS components: {@link org.ronchi.processing.ops.Reduce}
 * (sum/mean/max/min along any axes). Not exported: reached through the operation registry.
 */
package org.ronchi.processing.ops;
