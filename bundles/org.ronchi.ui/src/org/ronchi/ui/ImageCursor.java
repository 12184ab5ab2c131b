package org.ronchi.ui;

/** The pixel the user picked in the Image view (column, row): the Slicing view moves its cursor there. */
public record ImageCursor(long x, long y) {
}
