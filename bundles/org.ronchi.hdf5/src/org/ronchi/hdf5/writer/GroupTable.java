package org.ronchi.hdf5.writer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The on-disk index of one old-style group: a local heap of names, symbol table nodes holding the
 * entries in name order (libhdf5 looks names up by binary search with strcmp, so the order is that of
 * the UTF-8 bytes), and a type 0 B-tree over the nodes whose keys are heap offsets of names.
 */
final class GroupTable {
	private static final int FANOUT = 32; // 2 x "group internal node K" = 16, as in the superblock

	private final LocalHeap heap;
	private final List<SymbolTableNode> nodes = new ArrayList<>();
	private final BTreeV1 btree;

	/** @param links every hard link of the group: name and target (a node may appear under two names) */
	GroupTable(List<Map.Entry<String, WNode>> links) {
		List<Map.Entry<String, WNode>> sorted = new ArrayList<>(links);
		sorted.sort((a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b)));
		List<byte[]> names = sorted.stream().map(GroupTable::utf8).toList();
		heap = new LocalHeap(names);
		int n = sorted.size();
		for (int from = 0; from < n; from += SymbolTableNode.CAPACITY) {
			int to = Math.min(n, from + SymbolTableNode.CAPACITY);
			long[] offsets = new long[to - from];
			for (int i = from; i < to; i++) {
				offsets[i - from] = heap.offset(i);
			}
			nodes.add(new SymbolTableNode(sorted.subList(from, to).stream().map(Map.Entry::getValue).toList(), offsets));
		}
		// key before node e is the largest name in node e - 1 (the empty string at offset 0 for e = 0)
		BTreeV1.Keys keys = (out, e) -> out.putLong(e == 0 ? 0 : heap.offset((int) Math.min(e * SymbolTableNode.CAPACITY, n) - 1));
		btree = new BTreeV1(0, FANOUT, 8, nodes.size(), keys, e -> nodes.get((int) e).address);
	}

	private static byte[] utf8(Map.Entry<String, WNode> link) {
		return link.getKey().getBytes(StandardCharsets.UTF_8);
	}

	/** @return every block, in placement order */
	List<Block> blocks() {
		List<Block> all = new ArrayList<>();
		all.add(heap);
		all.addAll(nodes);
		all.addAll(btree.nodes());
		return all;
	}

	long btreeAddress() {
		return btree.root().address;
	}

	long heapAddress() {
		return heap.address;
	}
}
