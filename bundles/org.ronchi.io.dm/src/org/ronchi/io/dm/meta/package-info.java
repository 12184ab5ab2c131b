/**
 * Metadata of DM signals: the original tag tree narrowed to one image, the standard tree from
 * {@code mappings/dm.map} plus what a mapping line cannot express ({@link org.ronchi.io.dm.meta.DmMetadata}),
 * and localized date parsing ({@link org.ronchi.io.dm.meta.DmDates}), hand-written because
 * {@code java.time} parses one known pattern at a time while DM writes whatever the PC's locale uses.
 */
package org.ronchi.io.dm.meta;
