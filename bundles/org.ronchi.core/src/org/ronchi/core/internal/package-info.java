/** Service implementations of the core bundle (the loader registry); not API. */
package org.ronchi.core.internal;
