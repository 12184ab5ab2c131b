/** Service implementations of the core bundle (the loader and writer registries, DS components); not API. */
package org.ronchi.core.internal;
