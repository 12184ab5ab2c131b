/**
 * The Processing view: the operations the registered {@link org.ronchi.processing.Operation} services
 * offer, a parameter form built from each operation's typed {@link org.ronchi.processing.Parameter}s
 * (validated as you type, with units and ranges, and planned against the selected dataset before
 * anything is read), and runs as Eclipse Jobs with progress and cancel through the
 * {@link org.ronchi.processing.Engine}; results are added to the Data Tree. The view knows no
 * operation: everything comes from the services.
 */
package org.ronchi.ui.processing;
