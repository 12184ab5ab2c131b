package org.ronchi.processing;

import java.util.List;

/**
 * A validated run, before any data is read: what {@link Engine#plan} returns so that a workflow can
 * check every step (parameters, shapes, what each output will be) before starting work.
 *
 * @param outputs the declared buffers with their final shapes and axes (NAV buffers include the navigation dimensions)
 * @param outputShapes the shape of each output, in the order of outputs
 * @param outputAxes the calibrated axes of each output, in the order of outputs
 * @param navigation the navigation transform of NAV outputs
 * @param passes passes over the input the run takes ({@link Setup#passes}; 1 for most operations)
 */
public record Plan(Operation operation, InputInfo input, Params params, List<BufferSpec> outputs, List<long[]> outputShapes,
		List<List<org.ronchi.core.model.Axis>> outputAxes, NavTransform navigation, int passes) {

	/** @return the output named so, or null */
	public BufferSpec output(String name) {
		for (BufferSpec b : outputs) {
			if (b.name().equals(name)) {
				return b;
			}
		}
		return null;
	}

	/** @return the calibrated axes of the named output */
	public List<org.ronchi.core.model.Axis> axes(String name) {
		for (int i = 0; i < outputs.size(); i++) {
			if (outputs.get(i).name().equals(name)) {
				return outputAxes.get(i);
			}
		}
		throw new IllegalArgumentException(operation.id() + " has no output '" + name + "'");
	}

	/** @return the shape of the named output */
	public long[] shape(String name) {
		for (int i = 0; i < outputs.size(); i++) {
			if (outputs.get(i).name().equals(name)) {
				return outputShapes.get(i).clone();
			}
		}
		throw new IllegalArgumentException(operation.id() + " has no output '" + name + "'");
	}
}
