/**
 * The EMPAD loader: {@link org.ronchi.io.empad.internal.EmpadXml} (the XML as the original metadata tree,
 * and what it says about the scan and calibrations), {@link org.ronchi.io.empad.internal.EmpadScanSize}
 * (which of the scan sizes it records the {@code .raw} holds) and
 * {@link org.ronchi.io.empad.internal.EmpadLoader} (the service; frames as a core {@code Layout} with a
 * footer).
 */
package org.ronchi.io.empad.internal;
