package org.ronchi.processing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.ronchi.core.lazy.RecordType;

/**
 * The point lists one partition fills for a {@link BufferSpec.Kind#POINTS} buffer: records added per
 * output position of the partition (as a NAV buffer's slot: {@code frame.index()} unless the operation
 * bins), in any order; the engine groups them by position and places them. Records are kept packed as
 * the {@link RecordType} lays them out. One worker fills it; not thread-safe.
 */
public final class PointBuffer {
	private final BufferSpec spec;
	private final RecordType type;
	private final int positions;
	private ByteBuffer records;
	private int[] positionOf = new int[16];
	private int count;

	/** @param positions output positions of the partition */
	public PointBuffer(BufferSpec spec, int positions) {
		if (spec.kind() != BufferSpec.Kind.POINTS) {
			throw new IllegalArgumentException("buffer " + spec.name() + " is " + spec.kind() + ", not POINTS");
		}
		this.spec = spec;
		this.type = spec.records();
		this.positions = positions;
		this.records = ByteBuffer.allocate(16 * type.size()).order(ByteOrder.LITTLE_ENDIAN);
	}

	public BufferSpec spec() {
		return spec;
	}

	public String name() {
		return spec.name();
	}

	/** @return output positions this buffer holds lists for */
	public int positions() {
		return positions;
	}

	/** @return records added so far */
	public int size() {
		return count;
	}

	/**
	 * Adds one record at an output position.
	 *
	 * @param values one per field, in field order (integer fields take the integral part)
	 * @throws IndexOutOfBoundsException for a position outside the partition
	 * @throws IllegalArgumentException for the wrong number of values
	 */
	public void add(int position, double... values) {
		if (position < 0 || position >= positions) {
			throw new IndexOutOfBoundsException("buffer " + spec.name() + ": position " + position + " outside the partition's " + positions);
		}
		if (values.length != type.fields().size()) {
			throw new IllegalArgumentException("buffer " + spec.name() + ": " + values.length + " values for the fields " + type);
		}
		int size = type.size();
		if (records.capacity() < (count + 1) * size) {
			ByteBuffer grown = ByteBuffer.allocate(records.capacity() * 2).order(ByteOrder.LITTLE_ENDIAN);
			grown.put(0, records, 0, count * size);
			records = grown;
			positionOf = Arrays.copyOf(positionOf, positionOf.length * 2);
		}
		for (int f = 0; f < values.length; f++) {
			type.put(records, count * size, f, values[f]);
		}
		positionOf[count++] = position;
	}

	/** @return the number of records at each output position of the partition */
	public int[] counts() {
		int[] c = new int[positions];
		for (int i = 0; i < count; i++) {
			c[positionOf[i]]++;
		}
		return c;
	}

	/**
	 * @return every record, grouped by position in position order (records of one position in the order
	 *         they were added), packed little-endian; {@link #counts()} says how many belong to each
	 */
	public ByteBuffer byPosition() {
		int size = type.size();
		ByteBuffer out = ByteBuffer.allocate(count * size).order(ByteOrder.LITTLE_ENDIAN);
		boolean sorted = true;
		for (int i = 1; i < count && sorted; i++) {
			sorted = positionOf[i] >= positionOf[i - 1];
		}
		if (sorted) {
			return out.put(0, records, 0, count * size);
		}
		int[] c = counts();
		int[] next = new int[positions];
		for (int p = 1; p < positions; p++) {
			next[p] = next[p - 1] + c[p - 1];
		}
		for (int i = 0; i < count; i++) {
			out.put(next[positionOf[i]]++ * size, records, i * size, size);
		}
		return out;
	}

	@Override
	public String toString() {
		return spec.name() + " POINTS " + type + ", " + count + " records at " + positions + " positions";
	}
}
