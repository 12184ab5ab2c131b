/**
 * The DM3/DM4 tag file, one class per on-disk structure: {@link org.ronchi.io.dm.tags.DmHeader},
 * {@link org.ronchi.io.dm.tags.TagGroup}, {@link org.ronchi.io.dm.tags.TagEntry},
 * {@link org.ronchi.io.dm.tags.DataTag} and its {@link org.ronchi.io.dm.tags.TagType info array}, read
 * into a {@link org.ronchi.core.metadata.MetadataTree} by {@link org.ronchi.io.dm.tags.TagFile}.
 * <p>
 * Hand-written: no DM reader exists for the JVM on Maven Central (Bio-Formats' GatanReader is GPL and
 * not an OSGi bundle), and the format is a small recursive tag tree. The layout follows the public
 * descriptions of the format (Chris Boothroyd's DM3 notes, the DM4 additions as documented by ncempy and
 * RosettaSciIO); no code was taken from those projects.
 */
package org.ronchi.io.dm.tags;
