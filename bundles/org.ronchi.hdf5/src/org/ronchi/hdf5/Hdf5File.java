package org.ronchi.hdf5;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.links.ExternalLink;
import io.jhdf.object.datatype.Reference;
import org.ronchi.core.io.FileProbe;
import org.ronchi.core.model.ArrayNode;
import org.ronchi.core.model.Group;

/**
 * An opened HDF5 file: jhdf's parsed view plus Ronchi's own read channel, and the tree converted to the
 * core model ({@link Group}/{@link ArrayNode} with lazy data and plain-Java attributes). What a format
 * reader needs below that model is here too: a dataset as stored ({@link #dataset(String)}) and an
 * object's identity ({@link #address(String)}); jhdf itself stays inside this bundle. The file is
 * opened read-only and checked against its superblock first, so truncation is reported as such.
 * External links are not followed: the tree lists each as a group attribute
 * {@code "external link NAME"} = {@code "file:path"} (as it lists broken links).
 */
public final class Hdf5File implements AutoCloseable {
	private final Path path;
	private final FileChannel channel;
	private final HdfFile hdf;
	private final Superblock superblock;
	private Group tree;
	/** Object header address to the first path that links to it: what object references resolve to. */
	private final Map<Long, String> paths = new java.util.HashMap<>();

	private Hdf5File(Path path, FileChannel channel, HdfFile hdf, Superblock superblock) {
		this.path = path;
		this.channel = channel;
		this.hdf = hdf;
		this.superblock = superblock;
	}

	/**
	 * Opens a file read-only.
	 *
	 * @throws Hdf5Exception if it is not HDF5, is truncated or jhdf cannot parse it
	 */
	public static Hdf5File open(Path path) {
		try (FileProbe probe = FileProbe.of(path)) {
			return open(path, probe.size(), probe.head());
		}
	}

	/**
	 * Opens the file for a {@link FileProbe}'s shared view, from the head and size the probe read: null
	 * if it is not a readable HDF5 file.
	 */
	public static Hdf5File forProbe(FileProbe probe) {
		if (Superblock.findSignature(probe.head()) < 0) {
			return null;
		}
		try {
			return open(probe.path(), probe.size(), probe.head());
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** Opens a file whose size and first bytes are known. */
	private static Hdf5File open(Path path, long size, byte[] head) {
		FileChannel ch = null;
		try {
			long sig = Superblock.findSignature(head);
			if (sig < 0) {
				throw new Hdf5Exception(path, null, "not an HDF5 file (no HDF5 signature in the first " + head.length + " bytes)");
			}
			ch = FileChannel.open(path, StandardOpenOption.READ);
			Superblock sb = Superblock.read(path, ch, sig);
			if (sb.expectedSize() > size) {
				throw new Hdf5Exception(path, "superblock", "truncated: the superblock says the file ends at byte "
						+ sb.expectedSize() + " but it has " + size + " bytes");
			}
			HdfFile hdf = new HdfFile(path);
			Hdf5File f = new Hdf5File(path, ch, hdf, sb);
			hdf.getChildren(); // parse the root group now, so corrupt files fail at open
			return f;
		} catch (HdfException e) {
			closeQuietly(ch);
			throw new Hdf5Exception(path, null, "corrupt HDF5 file: " + e.getMessage(), e);
		} catch (IOException e) {
			closeQuietly(ch);
			throw new Hdf5Exception(path, null, "cannot read: " + e.getMessage(), e);
		} catch (RuntimeException e) {
			closeQuietly(ch);
			if (e instanceof org.ronchi.core.io.RonchiException r) {
				throw r;
			}
			throw new Hdf5Exception(path, null, "corrupt HDF5 file: " + e, e);
		}
	}

	/** Key under which HDF5-based loaders share one opened file while probing. */
	public static final String PROBE_KEY = "org.ronchi.hdf5.Hdf5File";

	/**
	 * @return the file the HDF5 flavours opened while probing, now owned by the caller (its tree
	 *         already built), or the file opened afresh when the probe holds none
	 */
	public static Hdf5File takeFrom(FileProbe probe) {
		Hdf5File h = probe.take(PROBE_KEY);
		return h != null ? h : open(probe.path());
	}

	private static void closeQuietly(FileChannel ch) {
		if (ch != null) {
			try {
				ch.close();
			} catch (IOException ignored) {
				// read-only channel
			}
		}
	}

	public Path path() {
		return path;
	}

	/** @return "superblock vN", the closest thing HDF5 has to a format version */
	public String formatVersion() {
		return "superblock v" + superblock.version();
	}

	/**
	 * @return the dataset at this path as stored (element type, chunks, filters), for format readers that
	 *         need more than its values, which {@link #array(String)} gives
	 * @throws Hdf5Exception if there is no dataset at the path
	 */
	public Hdf5Dataset dataset(String datasetPath) {
		Node n = node(datasetPath);
		if (n instanceof Dataset d) {
			return new Hdf5Dataset(this, d, datasetPath);
		}
		throw new Hdf5Exception(path, datasetPath, "is a group, not a dataset");
	}

	/**
	 * @return the address of the object header at this path, links followed: the identity of an HDF5
	 *         object, the same for every path hard-linked to it (and what object references hold)
	 * @throws Hdf5Exception if there is no object at the path
	 */
	public long address(String objectPath) {
		return node(objectPath).getAddress();
	}

	private Node node(String objectPath) {
		try {
			Node n = hdf.getByPath(objectPath);
			if (n instanceof ExternalLink) {
				throw new Hdf5Exception(path, objectPath, "is an external link, which is not followed");
			}
			return n instanceof Link link ? link.getTarget() : n;
		} catch (HdfException e) {
			throw new Hdf5Exception(path, objectPath, "no such object (" + e.getMessage() + ")", e);
		} catch (Hdf5Exception e) {
			throw e;
		} catch (RuntimeException e) {
			throw new Hdf5Exception(path, objectPath, "corrupt HDF5 file: " + e, e);
		}
	}

	FileChannel channel() {
		return channel;
	}

	/** @return the whole tree in the core model, built on first call; data stays lazy */
	public synchronized Group tree() {
		if (tree == null) {
			Group root = Group.root();
			try {
				index(hdf, "/", new HashSet<>());
				copyAttributes(hdf, root);
				fill(root, hdf, new HashSet<>());
			} catch (HdfException e) {
				throw new Hdf5Exception(path, null, "corrupt HDF5 file: " + e.getMessage(), e);
			} catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException | ArithmeticException e) {
				// a forged datatype or dataspace (e.g. an integer of 65288 bytes) fails in jhdf or in HdfTypes like this
				throw new Hdf5Exception(path, null, "corrupt HDF5 file: " + e, e);
			}
			tree = root;
		}
		return tree;
	}

	/** @return a lazy array for the dataset at this path */
	public ArrayNode array(String datasetPath) {
		org.ronchi.core.model.Node n = tree().resolve(datasetPath);
		if (n instanceof ArrayNode a) {
			return a;
		}
		throw new Hdf5Exception(path, datasetPath, n == null ? "no such object" : "is a group, not a dataset");
	}

	/**
	 * Records the path of every object before attributes are converted, so that references to objects
	 * linked later in the tree resolve too. jhdf's {@code getNodeByAddress} cannot serve: it builds a
	 * parentless node whose path is "Unknown/__ADDRESS__n".
	 */
	private void index(io.jhdf.api.Group group, String path, Set<Long> visited) {
		paths.putIfAbsent(group.getAddress(), path);
		visited.add(group.getAddress());
		for (Map.Entry<String, Node> e : group.getChildren().entrySet()) {
			Node child = e.getValue();
			if (child instanceof ExternalLink) {
				continue; // another file's objects and addresses: fill() records the link on the group
			}
			try {
				if (child instanceof Link link) {
					if (link.isBrokenLink()) {
						continue;
					}
					child = link.getTarget();
				}
				String childPath = (path.equals("/") ? "" : path) + "/" + e.getKey();
				if (child instanceof io.jhdf.api.Group g && !visited.contains(g.getAddress())) {
					index(g, childPath, visited);
				} else if (child instanceof Dataset) {
					paths.putIfAbsent(child.getAddress(), childPath);
				}
			} catch (HdfException ex) {
				// a broken link: fill() records it on the group
			}
		}
		visited.remove(group.getAddress());
	}

	private void fill(Group target, io.jhdf.api.Group source, Set<Long> visited) {
		visited.add(source.getAddress());
		for (Map.Entry<String, Node> e : source.getChildren().entrySet()) {
			Node child = e.getValue();
			if (child instanceof ExternalLink link) {
				// not followed: data is read through this file's channel, at addresses that mean nothing here
				target.attribute("external link " + e.getKey(), link.getTargetPath());
				continue;
			}
			if (child instanceof Link link) {
				if (link.isBrokenLink()) {
					target.attribute("broken link " + e.getKey(), link.getTargetPath());
					continue;
				}
				try {
					child = link.getTarget();
				} catch (HdfException ex) {
					target.attribute("broken link " + e.getKey(), link.getTargetPath());
					continue;
				}
			}
			if (child instanceof io.jhdf.api.Group g) {
				if (visited.contains(g.getAddress())) {
					continue; // a hard-link cycle back to an ancestor
				}
				Group sub = target.add(new Group(e.getKey()));
				copyAttributes(g, sub);
				fill(sub, g, visited);
			} else if (child instanceof Dataset d) {
				ArrayNode a = target.add(new ArrayNode(e.getKey(), new Hdf5ArraySource(this, d)));
				copyAttributes(d, a);
			}
		}
		visited.remove(source.getAddress());
	}

	private void copyAttributes(Node source, org.ronchi.core.model.Node target) {
		for (Map.Entry<String, Attribute> e : source.getAttributes().entrySet()) {
			target.attribute(e.getKey(), attributeValue(e.getValue()));
		}
	}

	/**
	 * @return the attribute as a plain Java value; object references become
	 *         {@link org.ronchi.core.model.Reference}s resolved to paths
	 */
	Object attributeValue(Attribute a) {
		try {
			if (a.isEmpty()) {
				return null;
			}
			Object v = a.getData();
			if (a.getDataType() instanceof Reference) {
				return references(v);
			}
			if (HdfTypes.isBool(a.getDataType())) {
				return booleans(v); // jhdf gives the enum's names; h5py and HyperSpy mean bool
			}
			return v;
		} catch (RuntimeException e) {
			return "<unreadable attribute: " + e.getMessage() + ">";
		}
	}

	/** h5py's bool enum as jhdf reads it ("TRUE"/"FALSE" names) to Boolean, or boolean[] for arrays. */
	private static Object booleans(Object v) {
		if (v instanceof String s) {
			return "TRUE".equals(s);
		}
		if (v instanceof String[] a) {
			boolean[] out = new boolean[a.length];
			for (int i = 0; i < a.length; i++) {
				out[i] = "TRUE".equals(a[i]);
			}
			return out;
		}
		return v;
	}

	private Object references(Object v) {
		if (v instanceof Long addr) {
			return resolve(addr);
		}
		if (v != null && v.getClass().isArray()) {
			int n = Array.getLength(v);
			org.ronchi.core.model.Reference[] out = new org.ronchi.core.model.Reference[n];
			for (int i = 0; i < n; i++) {
				out[i] = (org.ronchi.core.model.Reference) references(Array.get(v, i));
			}
			return n == 1 ? out[0] : out;
		}
		return v;
	}

	/** @return the reference with the target's path, or a null path if no link in the file leads to it */
	private org.ronchi.core.model.Reference resolve(long address) {
		return new org.ronchi.core.model.Reference(paths.get(address), address);
	}

	@Override
	public void close() {
		try {
			hdf.close();
		} finally {
			closeQuietly(channel);
		}
	}
}
