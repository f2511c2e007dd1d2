package app.vsxi.dashboard.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Answers one simulated box's HTTP requests: basic auth on every request, then either a simulator endpoint or a
 * VSXi command from the {@link CommandTable}, with the box's faults applied to the latter.
 */
final class VsxiApiHandler implements HttpHandler {

	private final VsxiState state;

	private final RequestCounts counts;

	private final AdminHandler admin;

	private final ConfigCommands config;

	private final MonitorCommands monitor;

	VsxiApiHandler(VsxiState state, RequestCounts counts, AdminHandler admin) {
		this.state = state;
		this.counts = counts;
		this.admin = admin;
		this.config = new ConfigCommands(state);
		this.monitor = new MonitorCommands(state);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			long arrived = System.nanoTime();
			byte[] body = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			boolean api = path.startsWith(VsxiConventions.BASE_PATH);
			Quirks quirks = this.state.quirks();
			if (api && quirks.untrustedHost()) {
				// refused by the container before the application sees the request
				send(exchange, Reply.Status.html(401, "Unauthorized"), false);
				return;
			}
			if (api && quirks.noRest()) {
				send(exchange, Reply.Status.html(404, "Not Found"), false);
				return;
			}
			String[] credentials = credentials(exchange.getRequestHeaders().getFirst("Authorization"));
			VsxiState.ApiUser user = credentials == null ? null : this.state.user(credentials[0]);
			if (user == null) {
				send(exchange, new Reply.Message(VsxiConventions.UNKNOWN_USER), false);
				return;
			}
			if (!user.password().equals(credentials[1])) {
				send(exchange, new Reply.Message(VsxiConventions.WRONG_PASSWORD), false);
				return;
			}
			if (path.startsWith("/simulator/")) {
				send(exchange, this.admin.handle(exchange.getRequestMethod(), path, body, user.readWrite()), false);
				exchange.close();
				this.admin.afterAnswer();
				return;
			}
			if (!api) {
				send(exchange, new Reply.Message(VsxiConventions.NOT_FOUND), false);
				return;
			}
			String[] command = path.substring(VsxiConventions.BASE_PATH.length()).split("/", 2);
			String action = command[0];
			String table = command.length > 1 ? command[1] : "";
			this.counts.record(action + "/" + table);
			this.counts.arrived(exchange, action + "/" + table, arrived);
			if (!user.readWrite()) {
				// every API call needs read/write or greater privilege, reads included
				this.state.accessLog().refused(credentials[0], address(exchange),
						exchange.getRequestMethod() + " " + action + "/" + table, "read-only user");
				send(exchange, new Reply.Message(VsxiConventions.UNKNOWN_USER), false);
				return;
			}
			if (this.state.overlaps(credentials[0])) {
				send(exchange, new Reply.Message(VsxiConventions.FAILED), false);
				return;
			}
			Faults faults = this.state.faults();
			if (faults.latencyMillis() > 0) {
				sleep(faults.latencyMillis());
			}
			if (faults.connectionReset()) {
				// closing before any answer drops the connection: the client sees it cut
				return;
			}
			if (faults.status() > 0) {
				send(exchange, Reply.Body.text(VsxiConventions.injectedFault(faults.status())), faults.status(),
						faults.truncateBody());
				return;
			}
			ApiRequest request = request(exchange, action, table, body, credentials[0], quirks);
			Reply reply = request == null ? refusal(action, table) : dispatch(request, exchange, quirks);
			// the box's own texts only: the container's 401, 404 and 405 keep their status
			if (quirks.codeInBody() && reply instanceof Reply.Message message
					&& (message.status() == 300 || message.status() == 400 || message.status() == 402)) {
				send(exchange, Reply.Body.of(VsxiConventions.MESSAGE_CONTENT_TYPE,
						message.text().getBytes(StandardCharsets.UTF_8)), 200, faults.truncateBody());
				return;
			}
			send(exchange, reply, faults.truncateBody());
		}
	}

	private ApiRequest request(HttpExchange exchange, String action, String table, byte[] body, String user,
			Quirks quirks) {
		VsxiCommand command = CommandTable.find(action, table);
		String method = exchange.getRequestMethod();
		if (command == null || !(command.large() ? quirks.largeMethodAllowed(command.method(), method)
				: command.method().equals(method))) {
			return null;
		}
		Map<String, String> parameters = ApiRequest.parameters(exchange.getRequestURI().getRawQuery());
		Document.Format format = format(parameters.get("format"));
		return new ApiRequest(command, format, parameters, body, user, address(exchange));
	}

	private static String address(HttpExchange exchange) {
		return exchange.getRemoteAddress().getAddress().getHostAddress();
	}

	private static Reply refusal(String action, String table) {
		VsxiCommand command = CommandTable.find(action, table);
		if (command != null) {
			return new Reply.Message(VsxiConventions.METHOD_NOT_ALLOWED);
		}
		return new Reply.Message(CommandTable.knowsAction(action) ? VsxiConventions.invalidTable(table)
				: VsxiConventions.NOT_FOUND);
	}

	private Reply dispatch(ApiRequest request, HttpExchange exchange, Quirks quirks) {
		VsxiCommand command = request.command();
		if (quirks.strictContentTypes() && command.write()
				&& !provenContentType(exchange.getRequestHeaders().getFirst("Content-Type"), request.body())) {
			return Reply.Status.html(415, "Unsupported Media Type");
		}
		String asked = request.parameters().get("format");
		if (!command.write() && command.formats().contains("xml") && asked != null
				&& !command.formats().contains(asked.toLowerCase())) {
			// inferred: a format the command table does not list for this command
			return new Reply.Message(VsxiConventions.FAILED);
		}
		if (command.write() && this.state.slave()) {
			this.state.accessLog().refused(request.user(), request.address(), request.what(), "Load-Balance slave");
			return new Reply.Message(VsxiConventions.SLAVE_MODE);
		}
		return switch (command.action()) {
			case "download" -> this.config.download(request);
			case "downloadLarge" -> switch (command.table()) {
				case "systemConfiguration", "hardwareConfiguration" -> this.monitor.configurationZip(request);
				case "smcDataFile" -> this.monitor.downloadSmcData(request);
				default -> this.config.downloadLarge(request);
			};
			case "query" -> "active_calls".equals(command.table()) ? activeCallsQuery(request)
					: this.config.query(request);
			case "stats" -> this.monitor.stats(request);
			case "system" -> this.monitor.system(request);
			case "delete" -> switch (command.table()) {
				case "active_calls" -> this.monitor.killCalls(request);
				case "sub_stats" -> this.monitor.deleteRegistrations(request);
				default -> this.config.write(request);
			};
			case "replaceLarge" -> "smcDataFile".equals(command.table()) ? this.monitor.replaceSmcData(request)
					: this.config.write(request);
			default -> this.config.write(request);
		};
	}

	private Reply activeCallsQuery(ApiRequest request) {
		try {
			var condition = QueryParser.parse(request.parameters().get("queryString"), TableCatalog.ACTIVE_CALLS);
			var matches = this.state.calls().calls().stream().filter(condition).toList();
			Quirks quirks = this.state.quirks();
			return EntryWriter.reply(quirks, request.format(), TableCatalog.ACTIVE_CALLS, matches,
					quirks.singleObjectInLists());
		}
		catch (QueryParser.QueryException ex) {
			return new Reply.Message(VsxiConventions.invalidQuery(ex.getMessage()));
		}
	}

	/**
	 * The request bodies a source shows working: none named (as {@code curl -T} sends them), or an XML type on an
	 * XML body.
	 */
	private static boolean provenContentType(String contentType, byte[] body) {
		if (contentType == null || contentType.isBlank()) {
			return true;
		}
		String type = contentType.split(";", 2)[0].trim().toLowerCase();
		boolean xml = body.length > 0 && new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8)
			.strip()
			.startsWith("<");
		return xml && ("text/xml".equals(type) || "application/xml".equals(type));
	}

	/** Returns the user name and password of a Basic header, or null when there is none to read. */
	private static String[] credentials(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Inferred: an unknown format value is read as XML, the default. */
	private static Document.Format format(String value) {
		if (value == null) {
			return Document.Format.XML;
		}
		return switch (value.toLowerCase()) {
			case "json" -> Document.Format.JSON;
			case "csv" -> Document.Format.CSV;
			default -> Document.Format.XML;
		};
	}

	private static void send(HttpExchange exchange, Reply reply, boolean truncate) throws IOException {
		if (reply instanceof Reply.Status raw) {
			send(exchange, Reply.Body.of(raw.contentType(), raw.text().getBytes(StandardCharsets.UTF_8)), raw.status(),
					truncate);
		}
		else if (reply instanceof Reply.Message message) {
			send(exchange, Reply.Body.of(VsxiConventions.MESSAGE_CONTENT_TYPE,
					message.text().getBytes(StandardCharsets.UTF_8)), message.status(), truncate);
		}
		else {
			send(exchange, (Reply.Body) reply, 200, truncate);
		}
	}

	private static void send(HttpExchange exchange, Reply.Body body, int status, boolean truncate) throws IOException {
		RequestCounts.answering(exchange, status);
		exchange.getResponseHeaders().set("Content-Type", body.contentType());
		if (status == 401) {
			exchange.getResponseHeaders().set("WWW-Authenticate", VsxiConventions.BASIC_CHALLENGE);
		}
		if (truncate) {
			// announce the whole length, send half: the client sees the body end early
			ByteArrayOutputStream whole = new ByteArrayOutputStream();
			body.writer().writeTo(whole);
			exchange.sendResponseHeaders(status, whole.size());
			OutputStream out = exchange.getResponseBody();
			out.write(whole.toByteArray(), 0, whole.size() / 2);
			out.flush();
			throw new IOException("Body truncated on purpose (fault injection)");
		}
		exchange.sendResponseHeaders(status, body.length() == 0 ? -1 : Math.max(0, body.length()));
		try (OutputStream out = exchange.getResponseBody()) {
			body.writer().writeTo(out);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
