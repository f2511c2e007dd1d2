package app.vsxi.dashboard.simulator;

/**
 * Every detail of the simulated API that the reference gives exactly, and every choice made where it does not.
 * Inferred choices are marked; correct them here when a real box says otherwise.
 */
public final class VsxiConventions {

	public static final String BASE_PATH = "/SSConfig/webresources/";

	public static final String OK = "200 OK";

	public static final String UPLOAD_OK = "200 OK - uploadXmlFile success";

	public static final String INVALID_TABLE = "400 fail - invalid table specified: ";

	public static final String VALIDATION_EXCEPTION = "400 fail - validation exception";

	public static final String FAILED = "400 fail - failed";

	public static final String UNKNOWN_USER = "401 Fail - User Not Authorized: Invalid username or no read/write permissions.";

	public static final String WRONG_PASSWORD = "401 Fail - User Not Authorized: invalid user password";

	public static final String SLAVE_MODE = "402 Fail - This action is not allowed while system is in Load-Balance Slave mode";

	/** Inferred: the name of the database element in a stats dump. */
	public static final String DUMP_DATABASE = "ssdb";

	/** Inferred: firmware version shown on the second line of system/realtime. */
	public static final String SOFTWARE_VERSION = "11.1.0.4 (simulated)";

	/** Inferred: HTTP status equals the code that starts the body; the body is the message as plain text. */
	public static final String MESSAGE_CONTENT_TYPE = "text/plain;charset=UTF-8";

	/** Inferred: an action the box does not offer for a table is answered like an unknown table. */
	public static String invalidTable(String table) {
		return INVALID_TABLE + table;
	}

	/** Simulator-only endpoint (not VSXi API): request counts per action and table. */
	public static final String REQUEST_COUNTS_PATH = "/simulator/requests";

	private VsxiConventions() {
	}

}
