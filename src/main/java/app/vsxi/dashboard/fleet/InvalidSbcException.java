package app.vsxi.dashboard.fleet;

import app.vsxi.dashboard.web.RefusedException;

/** An SBC entry that cannot be saved, with the form field at fault. */
public class InvalidSbcException extends RefusedException {

	private final String field;

	InvalidSbcException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
