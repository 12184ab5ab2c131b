package org.ronchi.processing;

import java.util.List;

/**
 * An analysis, contributed as an OSGi Declarative Services component
 * ({@code @Component(service = Operation.class)}): it describes itself (id, name, version, typed
 * parameters, accepted input) and, for one run, declares its result buffers and returns the
 * {@link Kernel} that maps frames and merges partial results. It knows nothing about files, threads or
 * progress: the {@link Engine} owns those. Services are stateless: everything of a run lives in the
 * kernel.
 */
public interface Operation {

	/** @return a stable id, e.g. {@code stem4d.virtual-image}; workflows name operations by it */
	String id();

	/** @return a short human name */
	String name();

	/** @return one or two sentences on what it computes */
	String description();

	/** @return the version of the computation; change it when results change, so old results are not reused */
	String version();

	List<Parameter> parameters();

	InputSpec input();

	/**
	 * Checks parameters against the input, declares the result buffers and builds the kernel.
	 * <b>Runs on</b> the caller's thread, once per run, before any data is read; must be cheap and
	 * must not read data. Throw {@link Setup#badParameter} or an {@link InputException} for anything the
	 * declarations could not check.
	 */
	Kernel prepare(Setup setup);
}
