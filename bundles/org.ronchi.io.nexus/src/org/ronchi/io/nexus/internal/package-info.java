/**
 * The NeXus loader, writer and results-store services and the structures behind them: {@code NxData}
 * (an NXdata group: signal, axes, indices, auxiliary signals), {@code NexusTree} (groups as metadata,
 * as HyperSpy's NeXus reader shows them), {@code NexusMetadata} (the standard keys by NeXus class),
 * {@code NexusLayout} (what Ronchi writes). Not API: reached through the registries.
 */
package org.ronchi.io.nexus.internal;
