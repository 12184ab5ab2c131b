/**
 * The desktop: the application ({@link org.ronchi.ui.RonchiDesktop}), the Data Browser perspective and
 * its views. Views are thin: each wraps a panel from a sub-package (which tests drive without a
 * workbench) and talks to the others through the workbench selection service: the Data Tree's
 * selection drives Metadata and Slicing; Slicing publishes a {@link org.ronchi.ui.slice.SliceSpec}
 * that Image and Plot show; a click in the Image publishes an {@link org.ronchi.ui.ImageCursor} that
 * moves the Slicing cursor. Files are opened only through the loader registry service
 * ({@link org.ronchi.ui.Loaders}); no view knows a file format.
 */
package org.ronchi.ui;
