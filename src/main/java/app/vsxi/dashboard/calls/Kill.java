package app.vsxi.dashboard.calls;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import app.vsxi.dashboard.gateway.CallCommands;
import app.vsxi.dashboard.gateway.TableRow;

/**
 * A kill as it will be sent: the calls it names, and how.
 *
 * @param cut the box's CSV lines, or null for XML
 * @param body what is sent, as text
 * @param sending the format in words
 * @param notes calls left out and why
 * @param failure why nothing can be sent, or null
 */
record Kill(List<TableRow> calls, CsvCut cut, String body, String sending, List<String> notes, String failure) {

	static Kill failed(String failure) {
		return new Kill(List.of(), null, null, null, List.of(), failure);
	}

	static Kill byXml(List<TableRow> calls) {
		return new Kill(calls, null, calls.isEmpty() ? null : CallCommands.killXml(calls),
				"XML: each call's slot and Call-ID (application/xml)", List.of(), null);
	}

	/** Cut from the box's CSV; a call whose line cannot be told for sure is left out with the reason, not guessed. */
	static Kill byCsv(CsvLines lines, List<TableRow> calls) {
		List<TableRow> named = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		for (TableRow call : calls) {
			String problem = lines.problem(CallIdentity.key(call));
			if (problem == null) {
				named.add(call);
			}
			else {
				notes.add("The call in slot " + call.text("ssm_index") + " (Call-ID " + call.text("callID")
						+ ") is not killed: " + problem + ", so which line of the box's CSV is its own is not sure.");
			}
		}
		if (named.isEmpty()) {
			return new Kill(List.of(), null, null, null, notes, null);
		}
		CsvCut cut = lines.cut(named.stream().map(CallIdentity::key).toList());
		return new Kill(named, cut, new String(cut.body(), StandardCharsets.UTF_8), cut.layout(), notes, null);
	}

}
