/**
 * Ronchi's preferences (Window › Preferences › Ronchi): the memory budget one slice or one processing
 * run may use, the processing engine's worker threads, and the colour map new image views start
 * with. {@link org.ronchi.ui.preferences.UiPreferences} reads them (with defaults outside a workbench);
 * they live in the instance scope when Eclipse has a workspace, else in the configuration area, so
 * they persist in the Ronchi product (started with {@code -data @none}) as in DAWN.
 */
package org.ronchi.ui.preferences;
