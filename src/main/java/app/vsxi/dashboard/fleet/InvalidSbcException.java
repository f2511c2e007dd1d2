package app.vsxi.dashboard.fleet;

/** An SBC entry that cannot be saved, with the form field at fault. */
public class InvalidSbcException extends RuntimeException {

	private final String field;

	InvalidSbcException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
