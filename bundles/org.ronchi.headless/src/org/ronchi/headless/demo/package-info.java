/**
 * {@code ronchi demo} as an API: {@link org.ronchi.processing.demo.DemoJob} (synthesise, write EMD 1.0,
 * run the default workflow, previews, report), {@link org.ronchi.processing.demo.SampleDataCube} (the
 * synthetic 4D-STEM scan with its ground truth) and {@link org.ronchi.processing.demo.Previews} (PNG
 * with javax.imageio, which the JDK has; no imaging library is needed).
 */
package org.ronchi.processing.demo;
