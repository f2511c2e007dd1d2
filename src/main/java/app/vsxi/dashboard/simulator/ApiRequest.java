package app.vsxi.dashboard.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One authenticated API request, ready for a command.
 *
 * @param command the command table row it matched
 * @param format the requested answer format
 * @param parameters the decoded query parameters
 * @param body the request body (the input file)
 * @param user who asked, for the user access log
 * @param address where from
 */
record ApiRequest(VsxiCommand command, Document.Format format, Map<String, String> parameters, byte[] body,
		String user, String address) {

	String what() {
		return this.command.method() + " " + this.command.key();
	}

	static Map<String, String> parameters(String rawQuery) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String parameter : rawQuery.split("&")) {
				String[] pair = parameter.split("=", 2);
				parameters.put(decode(pair[0]), pair.length == 2 ? decode(pair[1]) : "");
			}
		}
		return parameters;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a stray % that is not an escape: keep the text as sent
			return text;
		}
	}

}
