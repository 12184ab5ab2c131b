package org.ronchi.hdf5.writer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out and writes all metadata at close, after the data: builds every node's object header and
 * the blocks they point to, gives each block an address (sizes never depend on addresses), then
 * encodes them in one sequential pass, and finally the superblock at offset 0.
 */
final class Finisher {
	private static final int BUFFER = 1 << 20;

	private final OutputFile file;
	private final GlobalHeap heap = new GlobalHeap();
	private final List<Block> blocks = new ArrayList<>();

	Finisher(OutputFile file) {
		this.file = file;
	}

	/** @return the end of the file */
	long finish(WGroup root) throws IOException {
		plan(root);
		List<Block> ordered = new ArrayList<>(heap.blocks());
		ordered.addAll(blocks);
		long at = file.alignEnd();
		for (Block b : ordered) {
			b.address = at;
			at = Block.align8(at + b.size());
		}
		write(ordered);
		SuperblockV0 sb = new SuperblockV0(root, at);
		write(List.of(sb));
		return at;
	}

	private void plan(WNode node) {
		List<HeaderMessage> messages = new ArrayList<>();
		if (node instanceof WGroup g) {
			List<WNode> children = g.childList();
			children.forEach(this::plan);
			List<WGroup.External> externals = g.externalList();
			if (externals.isEmpty()) {
				GroupTable table = new GroupTable(g.links());
				g.table(table);
				blocks.addAll(table.blocks());
				messages.add(new SymbolTableMessage(table));
			} else {
				// external links exist only as link messages, so the whole group goes new-style (compact)
				messages.add(new LinkInfoMessage());
				messages.add(new GroupInfoMessage());
				messages.addAll(LinkMessage.inNameOrder(g.links(), externals));
			}
		} else {
			messages.addAll(((WDataset) node).messages(heap, blocks));
		}
		for (Map.Entry<String, Value> a : node.attributesRef().entrySet()) {
			messages.add(new AttributeMessage(a.getKey(), a.getValue(), heap));
		}
		ObjectHeader header = new ObjectHeader(messages, node.linkCount());
		node.header(header);
		blocks.add(header);
	}

	/** Encodes blocks (in address order) through one buffer, zero-filling the alignment gaps. */
	private void write(List<Block> ordered) throws IOException {
		if (ordered.isEmpty()) {
			return;
		}
		ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
		long bufStart = ordered.get(0).address;
		for (Block b : ordered) {
			int size = b.size();
			int gap = (int) (b.address - bufStart - buf.position());
			if (buf.remaining() < gap + size) {
				file.writeAt(bufStart, buf.flip());
				bufStart = b.address;
				gap = 0;
				if (size > buf.capacity()) {
					buf = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
				}
				buf.clear();
			}
			Block.pad(buf, gap);
			int start = buf.position();
			b.encode(buf);
			if (buf.position() - start != size) {
				throw new IllegalStateException(b.getClass().getSimpleName() + " wrote " + (buf.position() - start)
						+ " bytes, declared " + size);
			}
		}
		file.writeAt(bufStart, buf.flip());
	}
}
