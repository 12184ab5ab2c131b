/**
 * {@code ronchi demo}: {@link org.ronchi.headless.demo.DemoJob} (synthesise, write EMD 1.0 through the
 * writer registry, run the default workflow, previews from the run results, report),
 * {@link org.ronchi.headless.demo.SampleDataCube} (the synthetic 4D-STEM scan with its ground truth) and
 * {@link org.ronchi.headless.demo.Previews} (PNG with javax.imageio, which the JDK has; no imaging
 * library is needed). Not exported: the command is its only user.
 */
package org.ronchi.headless.demo;
