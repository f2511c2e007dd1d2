package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Answers one simulated box's HTTP requests: auth on every request, then the command. */
final class VsxiApiHandler implements HttpHandler {

	private final VsxiState state;

	private final RequestCounts counts;

	VsxiApiHandler(VsxiState state, RequestCounts counts) {
		this.state = state;
		this.counts = counts;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			String authFailure = authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
			if (authFailure != null) {
				message(exchange, 401, authFailure);
				return;
			}
			if (VsxiConventions.REQUEST_COUNTS_PATH.equals(path)) {
				send(exchange, 200, Document.Format.JSON.contentType, Document.json(this.counts.snapshot()));
				return;
			}
			if (!path.startsWith(VsxiConventions.BASE_PATH)) {
				message(exchange, 404, "404 Not Found");
				return;
			}
			String[] command = path.substring(VsxiConventions.BASE_PATH.length()).split("/", 2);
			String action = command[0];
			String table = command.length > 1 ? command[1] : "";
			this.counts.record(action + "/" + table);
			dispatch(exchange, exchange.getRequestMethod(), action, table, format(exchange.getRequestURI().getRawQuery()));
		}
	}

	private void dispatch(HttpExchange exchange, String method, String action, String table, Document.Format format)
			throws IOException {
		String command = method + " " + action + "/" + table;
		switch (command) {
			case "GET stats/realtime" -> send(exchange, 200, format.contentType,
					realtimeDump().render(format, this.state.statsGeneration()));
			case "GET system/realtime" -> send(exchange, 200, "text/plain;charset=UTF-8",
					this.state.stats().systemRealtimeText().getBytes(StandardCharsets.UTF_8));
			case "GET download/resource" -> send(exchange, 200, format.contentType,
					Document.list("XBResourceList", "XBResource", this.state.resources(), format));
			default -> message(exchange, 400, VsxiConventions.invalidTable(table));
		}
	}

	private StatsDump realtimeDump() {
		Map<String, Object> systemStat = this.state.stats().systemStat(this.state.haState());
		int active = (int) systemStat.get("sum_active_session");
		List<Map<String, Object>> trunks = new ArrayList<>();
		List<Map<String, Object>> resources = this.state.resources();
		for (int i = 0; i < resources.size() && active > 0; i++) {
			Map<String, Object> resource = resources.get(i);
			int share = i == resources.size() - 1 ? active : active / 2;
			active -= share;
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("trunkId", String.valueOf(resource.get("trunkId")));
			row.put("fqdn", "Group");
			row.put("numOrig", String.valueOf(share));
			row.put("numTerm", "0");
			row.put("cps", String.valueOf(share / 30));
			row.put("numPeak", String.valueOf(share * 2));
			row.put("totalCLZ", "0");
			row.put("numCLZCps", "0");
			row.put("totalLimit", String.valueOf(resource.get("capacity")));
			row.put("cpsLimit", String.valueOf(resource.get("cpsLimit")));
			trunks.add(row);
		}
		StatsDump dump = new StatsDump().table("system_stat", List.of(systemStat));
		if (this.state.statsGeneration() == StatsGeneration.OLDER) {
			return dump.table("gw_realtime_stat", List.of()).table("XBResourceRealTimeStatList", trunks);
		}
		List<Map<String, Object>> pairs = trunks.stream().map(trunk -> {
			Map<String, Object> pair = new LinkedHashMap<>();
			pair.put("orig_tid", trunk.get("trunkId"));
			pair.put("orig_ip", "198.51.100.10");
			pair.put("term_tid", "0");
			pair.put("term_ip", "203.0.113.20");
			pair.put("num_active_session", trunk.get("numOrig"));
			pair.put("peak_active_session", trunk.get("numPeak"));
			pair.put("active_cps", trunk.get("cps"));
			return pair;
		}).toList();
		return dump.table("gw_realtime_stat", pairs);
	}

	/** Returns null when the request may go on, else the 401 text the box answers. */
	private String authenticate(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return VsxiConventions.UNKNOWN_USER;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return VsxiConventions.UNKNOWN_USER;
		}
		int colon = decoded.indexOf(':');
		VsxiState.ApiUser user = colon < 0 ? null : this.state.user(decoded.substring(0, colon));
		if (user == null) {
			return VsxiConventions.UNKNOWN_USER;
		}
		return user.password().equals(decoded.substring(colon + 1)) ? null : VsxiConventions.WRONG_PASSWORD;
	}

	private static Document.Format format(String rawQuery) {
		if (rawQuery != null) {
			for (String parameter : rawQuery.split("&")) {
				String[] pair = parameter.split("=", 2);
				if (pair.length == 2 && "format".equals(pair[0])) {
					String value = URLDecoder.decode(pair[1], StandardCharsets.UTF_8).toLowerCase();
					return switch (value) {
						case "json" -> Document.Format.JSON;
						case "csv" -> Document.Format.CSV;
						default -> Document.Format.XML;
					};
				}
			}
		}
		return Document.Format.XML;
	}

	private static void message(HttpExchange exchange, int status, String text) throws IOException {
		send(exchange, status, VsxiConventions.MESSAGE_CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8));
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
