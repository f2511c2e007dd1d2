package app.vsxi.dashboard.simulator;

/**
 * Every detail of the simulated API that the reference gives exactly, and every choice made where it does not.
 * Inferred choices are marked; correct them here when a real box says otherwise. Table shapes (wrapper names,
 * fields, keys, query columns) live in {@link TableCatalog}, the command list in {@link CommandTable}.
 */
public final class VsxiConventions {

	public static final String BASE_PATH = "/SSConfig/webresources/";

	public static final String OK = "200 OK";

	public static final String UPLOAD_OK = "200 OK - uploadXmlFile success";

	public static final String FINISHED_WITH_ERRORS = "300 Finished With Errors - Validation Errors were detected. Please see User Access Log file for details.";

	public static final String INVALID_TABLE = "400 fail - invalid table specified: ";

	public static final String VALIDATION_EXCEPTION = "400 fail - validation exception";

	/** Other errors, as a reader saw the box write them: the text, then {@code null} on a second line. */
	public static final String FAILED = "400 fail - failed\nnull";

	public static final String UNKNOWN_USER = "401 Fail - User Not Authorized: Invalid username or no read/write permissions.";

	public static final String WRONG_PASSWORD = "401 Fail - User Not Authorized: invalid user password";

	public static final String SLAVE_MODE = "402 Fail - This action is not allowed while system is in Load-Balance Slave mode";

	/** Every 401 carries this challenge, as the web container sends it (realm inferred). */
	public static final String BASIC_CHALLENGE = "Basic realm=\"SSConfig\"";

	/** Older firmware's answer to a JSON download too large for its XML-to-JSON conversion (HTTP 500). */
	public static final String JSON_CONVERSION_FAILED = "convert xml2json failed(JAXB)";

	/** What an HA failover leaves in place of stats tables. */
	public static final String MAX_RECURSION = "Max recursion depth reached";

	/** The namespace mysqldump declares on its root, for {@code xsi:nil} fields. */
	public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

	/** Database dump {@code slave_stat} of a box that is not a Load-Balance slave (a real box's sample). */
	public static final int SLAVE_STAT_MASTER = 64;

	/** Inferred: {@code slave_stat} of a Load-Balance slave (no sample; the master's value with bit 0 set). */
	public static final int SLAVE_STAT_SLAVE = 65;

	/** Inferred: a path that is no action of the API, as the box's JAX-RS container would answer it. */
	public static final String NOT_FOUND = "404 Not Found";

	/** Inferred: a known command with another method than the command table's, as JAX-RS answers it. */
	public static final String METHOD_NOT_ALLOWED = "405 Method Not Allowed";

	/** Inferred: the name of the database element in a stats dump. */
	public static final String DUMP_DATABASE = "ssdb";

	/** Inferred: firmware version shown on the second line of system/realtime. */
	public static final String SOFTWARE_VERSION = "11.1.0.4 (simulated)";

	/** Inferred: HTTP status equals the code that starts the body; the body is the message as plain text. */
	public static final String MESSAGE_CONTENT_TYPE = "text/plain;charset=UTF-8";

	/** Inferred: content type of every Large download. */
	public static final String ZIP_CONTENT_TYPE = "application/zip";

	/** From the SOAP ancestor (reference §3): more entries in a plain file are refused with {@link #FAILED}. */
	public static final int PLAIN_INPUT_LIMIT = 5000;

	/** Inferred from the SOAP {@code replaceLarge(binfile, table, tableID)}: the table replaced by the two *InTable names. */
	public static final String TABLE_ID_PARAMETER = "tableID";

	/** Simulator-only endpoint (not VSXi API): request counts per action and table. */
	public static final String REQUEST_COUNTS_PATH = "/simulator/requests";

	/** Simulator-only endpoint: GET, POST (JSON) and DELETE the faults of a box, slave mode and downtime. */
	public static final String FAULTS_PATH = "/simulator/faults";

	/** Simulator-only endpoint: GET or POST {@code {"statsGeneration":"OLDER|NEWER"}}. */
	public static final String RELEASE_PATH = "/simulator/release";

	/** Simulator-only endpoint: the user access log as plain text, oldest line first. */
	public static final String USER_ACCESS_LOG_PATH = "/simulator/user-access-log";

	private VsxiConventions() {
	}

	/** Inferred: an action the box does not offer for a table is answered like an unknown table. */
	public static String invalidTable(String table) {
		return INVALID_TABLE + table;
	}

	/** Inferred: the reference gives no text for a bad queryString; this one says why. */
	public static String invalidQuery(String reason) {
		return "400 fail - invalid query string: " + reason;
	}

	/** Inferred: the body of an injected error status. */
	public static String injectedFault(int status) {
		return status + " Fail - simulated fault";
	}

	/** Inferred: the web container's own error page, as it answers where the VSXi application does not. */
	static String containerPage(int status, String reason) {
		return "<html><head><title>" + status + " " + reason + "</title></head><body><h1>HTTP Status " + status
				+ " - " + reason + "</h1></body></html>";
	}

	/** Inferred: the name of the n-th file (from 1) of a Large download split into chunks. */
	static String zipChunkName(String table, Document.Format format, int chunk) {
		return table + "_" + chunk + "." + format.name().toLowerCase();
	}

	/** Inferred: the single file inside a Large download is named after the table, e.g. {@code route.xml}. */
	static String zipEntryName(String table, Document.Format format) {
		return table + "." + format.name().toLowerCase();
	}

	/** The table whose entries a command name changes: the two replaceLarge-only names are scopes of another. */
	static String storedTable(String table) {
		return switch (table) {
			case "routesInRouteTable" -> "route";
			case "digitMappingsInDigMapTable" -> "digit_mapping";
			default -> table;
		};
	}

}
