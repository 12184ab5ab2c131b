package org.ronchi.processing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.ronchi.processing.BufferSet;

/**
 * The fixed pairwise reduction of SIG and SINGLE buffers over the grains of a run (see
 * {@link Partitioner}): grain g's buffers are leaf g, and the node covering grains
 * [k·2^level, (k+1)·2^level) is its two children merged, left then right. A binary counter over the
 * grains in order: pushing a node merges it with its left sibling whenever that is on top of the stack,
 * so the stack is always the decomposition of what has been pushed into aligned power-of-two blocks.
 * {@link #finish} folds the stack from the right.
 * <p>
 * Every merge done is thereby a node of one tree determined by the grain count alone: the result is the
 * same bits whoever pushes which part, as long as the nodes arrive in grain order. A worker mapping a
 * partition pushes its grains into a tree of its own and hands over its stack ({@link #nodes}); the
 * caller pushes those nodes, partition after partition, into the run's tree. Pairwise summation is
 * also more accurate than a running sum (error growing with log n rather than n).
 */
final class MergeTree {

	/** Merged buffers of the grains [index·2^level, (index+1)·2^level). */
	record Node(int level, long index, BufferSet buffers) {
		long firstGrain() {
			return index << level;
		}
	}

	private final BiConsumer<BufferSet, BufferSet> merge;
	private final List<Node> stack = new ArrayList<>();

	/** @param merge merges its second argument (later grains) into its first (earlier grains) */
	MergeTree(BiConsumer<BufferSet, BufferSet> merge) {
		this.merge = merge;
	}

	/** Adds the next node in grain order, merging completed siblings. */
	void push(Node n) {
		Node cur = n;
		while (!stack.isEmpty()) {
			Node left = stack.get(stack.size() - 1);
			if (left.level() != cur.level() || left.index() % 2 != 0 || left.index() + 1 != cur.index()) {
				break;
			}
			stack.remove(stack.size() - 1);
			merge.accept(left.buffers(), cur.buffers());
			cur = new Node(left.level() + 1, left.index() / 2, left.buffers());
		}
		stack.add(cur);
	}

	/** @return the nodes not yet merged, in grain order */
	List<Node> nodes() {
		return List.copyOf(stack);
	}

	/** @return whether nothing was pushed */
	boolean isEmpty() {
		return stack.isEmpty();
	}

	/**
	 * Merges what is left, from the right (the root of the tree over every grain pushed), into into.
	 * The tree is empty afterwards.
	 */
	void finish(BufferSet into) {
		if (stack.isEmpty()) {
			return;
		}
		BufferSet acc = stack.get(stack.size() - 1).buffers();
		for (int i = stack.size() - 2; i >= 0; i--) {
			BufferSet left = stack.get(i).buffers();
			merge.accept(left, acc);
			acc = left;
		}
		merge.accept(into, acc);
		stack.clear();
	}
}
