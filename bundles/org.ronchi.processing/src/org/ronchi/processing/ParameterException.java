package org.ronchi.processing;

/** A parameter value is missing, of the wrong type or outside its range; names the operation and the parameter. */
public class ParameterException extends ProcessingException {
	private static final long serialVersionUID = 1L;
	private final String parameter;

	public ParameterException(String operationId, String parameter, String problem) {
		super(null, operationId, "parameter '" + parameter + "' " + problem);
		this.parameter = parameter;
	}

	/** @return the parameter's name */
	public String parameter() {
		return parameter;
	}
}
