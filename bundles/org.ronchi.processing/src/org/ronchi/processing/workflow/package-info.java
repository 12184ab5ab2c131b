/**
 * Headless workflows, the API behind {@code ronchi run}: {@link org.ronchi.processing.workflow.Workflow}
 * (the JSON model: inputs with globs, dataset, steps, output), {@link org.ronchi.processing.workflow.WorkflowRunner}
 * (validates every step on every input before reading data, then runs them through the engine) and
 * {@link org.ronchi.processing.workflow.WorkflowReport}. JSON is read with Gson (already in the target
 * platform for the CLI).
 */
package org.ronchi.processing.workflow;
