package org.ronchi.hdf5.writer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A version 1 B-tree (File Format Specification III.A.1), built bottom-up over entries already in
 * key order: type 0 indexes a group's symbol table nodes, type 1 a dataset's chunks. Every node is
 * written at full size (2K children) because libhdf5 reads that many bytes. Nodes are filled
 * greedily; libhdf5 does not require them half full when reading.
 * <p>
 * Keys bracket children: key i is the lower bound of child i, the last key the upper bound of the
 * last child. So the keys of a node at any level are leaf keys at stride fanout^level, and one
 * function of the leaf entry index ({@link Keys}) describes the whole tree.
 */
final class BTreeV1 {
	/** Writes the key in front of leaf entry {@code entry}; {@code entry == count} is the final upper bound. */
	interface Keys {
		void put(ByteBuffer out, long entry);
	}

	/** The address a leaf entry points to: a symbol table node or a chunk. */
	interface Children {
		long address(long entry);
	}

	private final int type;
	private final int fanout;
	private final int keySize;
	private final long entries;
	private final Keys keys;
	private final Children leaves;
	private final List<List<Node>> levels = new ArrayList<>();

	/**
	 * @param fanout 2K: 32 for groups (K = 16), 64 for chunks (K = 32, fixed for version 0 superblocks)
	 */
	BTreeV1(int type, int fanout, int keySize, long entries, Keys keys, Children leaves) {
		this.type = type;
		this.fanout = fanout;
		this.keySize = keySize;
		this.entries = entries;
		this.keys = keys;
		this.leaves = leaves;
		long below = entries;
		long stride = fanout; // leaf entries covered by one node of the current level
		int level = 0;
		do {
			long n = Math.max(1, ceilDiv(below, fanout));
			List<Node> nodes = new ArrayList<>();
			for (long j = 0; j < n; j++) {
				long first = j * fanout;
				nodes.add(new Node(level, (int) j, first, Math.min(fanout, below - first), stride));
			}
			levels.add(nodes);
			below = n;
			stride = Math.multiplyExact(stride, fanout);
			level++;
		} while (below > 1);
	}

	/** @return every node, leaves first, root last: the order to place them in */
	List<Node> nodes() {
		List<Node> all = new ArrayList<>();
		levels.forEach(all::addAll);
		return all;
	}

	Node root() {
		return levels.get(levels.size() - 1).get(0);
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

	/** One "TREE" node. */
	final class Node extends Block {
		private final int level;
		private final int index;
		private final long firstChild;
		private final int children;
		private final long stride;

		Node(int level, int index, long firstChild, long children, long stride) {
			this.level = level;
			this.index = index;
			this.firstChild = firstChild;
			this.children = (int) Math.max(0, children);
			this.stride = stride;
		}

		@Override
		int size() {
			return 24 + fanout * 8 + (fanout + 1) * keySize;
		}

		@Override
		void encode(ByteBuffer out) {
			int start = out.position();
			List<Node> row = levels.get(level);
			out.put("TREE".getBytes(StandardCharsets.US_ASCII)).put((byte) type).put((byte) level);
			out.putShort((short) children);
			out.putLong(index > 0 ? row.get(index - 1).address : UNDEF);
			out.putLong(index + 1 < row.size() ? row.get(index + 1).address : UNDEF);
			long childStride = stride / fanout; // leaf entries per child
			for (int i = 0; i < children; i++) {
				long child = firstChild + i;
				keys.put(out, child * childStride);
				out.putLong(level == 0 ? leaves.address(child) : levels.get(level - 1).get((int) child).address);
			}
			keys.put(out, Math.min((firstChild + children) * childStride, entries));
			pad(out, size() - (out.position() - start));
		}
	}
}
