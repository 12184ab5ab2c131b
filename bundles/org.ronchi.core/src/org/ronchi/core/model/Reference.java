package org.ronchi.core.model;

/** An HDF5 object reference attribute: the target's path as resolved when the file was read (null if it points nowhere). */
public record Reference(String targetPath, long address) {
	@Override
	public String toString() {
		return targetPath != null ? "<ref " + targetPath + ">" : "<ref to nothing at 0x" + Long.toHexString(address) + ">";
	}
}
