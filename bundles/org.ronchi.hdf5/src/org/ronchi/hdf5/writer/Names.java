package org.ronchi.hdf5.writer;

/** The rules for link and attribute names: non-empty, no '/', no NUL (names are NUL-terminated on disk). */
final class Names {
	private Names() {
	}

	static void check(String name) {
		if (name == null || name.isEmpty() || name.equals(".")) {
			throw new IllegalArgumentException("invalid name: '" + name + "'");
		}
		if (name.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("name contains NUL: '" + name.replace("\0", "\\0") + "'");
		}
	}

	static void checkLink(String name) {
		check(name);
		if (name.indexOf('/') >= 0) {
			throw new IllegalArgumentException("link name contains '/': '" + name + "'; create groups one level at a time");
		}
	}
}
