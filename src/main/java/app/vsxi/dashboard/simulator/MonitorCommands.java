package app.vsxi.dashboard.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The live side of a box: stats, system/realtime, killing calls, deleting registrations, and the files of
 * downloadLarge/replaceLarge that are not tables (configuration backups, SMC data).
 */
final class MonitorCommands {

	private final VsxiState state;

	MonitorCommands(VsxiState state) {
		this.state = state;
	}

	Reply stats(ApiRequest request) {
		Document.Format format = request.format();
		StatsTables tables = this.state.statsTables();
		StatsGeneration generation = this.state.statsGeneration();
		Quirks quirks = this.state.quirks();
		return switch (request.command().table()) {
			case "realtime" -> dump(format, tables.realtime(this.state.resources(), this.state.calls().calls(),
					this.state.slave(), this.state.statSwitches(), generation), generation);
			case "resource" -> dump(format, tables.resource(this.state.resources(), quirks.nilFields()), generation);
			case "resource_detail" ->
				dump(format, tables.resourceDetail(this.state.resources(), this.state.calls().calls()), generation);
			case "sip_stats" -> dump(format, tables.sip(), generation);
			case "media_server" -> list(format, TableCatalog.MEDIA_SERVER_STATS,
					tables.mediaServers(this.state.entries("media_server"), this.state.calls().count(),
							this.state.statSwitches().mediaServerDown()));
			case "sub_stats" -> list(format, TableCatalog.SUB_STATS, this.state.registrations().current());
			case "active_calls" -> activeCalls(format, this.state.calls().calls());
			default -> throw new IllegalStateException("No stats for " + request.command().table());
		};
	}

	/** Reference §6: plain text whatever format is asked, {@code HW Up Time:} on the fourth line. */
	Reply system(ApiRequest request) {
		return Reply.Body.text(this.state.stats().systemRealtimeText(this.state.calls().count()));
	}

	/**
	 * Reference §8: ends exactly the calls the CSV or XML names; JSON is not accepted for this one. A box whose CSV
	 * has no header line reads every line of a CSV as a call in its own column order, a header line included (which
	 * names no call).
	 */
	Reply killCalls(ApiRequest request) {
		List<Map<String, Object>> targets;
		try {
			String body = new String(request.body(), StandardCharsets.UTF_8).strip();
			if (body.startsWith("\uFEFF")) {
				body = body.substring(1);
			}
			if (body.startsWith("{") || body.startsWith("[")) {
				throw new EntryReader.UnreadableInputException("JSON is not accepted to delete active calls");
			}
			targets = !this.state.quirks().callsCsvHeader() && !body.isEmpty() && !body.startsWith("<")
					? Csv.read(body, TableCatalog.ACTIVE_CALLS.csvColumns())
					: EntryReader.read(request.body(), TableCatalog.ACTIVE_CALLS);
		}
		catch (EntryReader.UnreadableInputException ex) {
			this.state.accessLog().refused(request.user(), request.address(), request.what(), ex.getMessage());
			return new Reply.Message(VsxiConventions.VALIDATION_EXCEPTION);
		}
		int ended = this.state.calls().kill(targets);
		this.state.accessLog().change(request.user(), request.address(), request.what(),
				ended + " of " + targets.size() + " calls ended (Manual Deletion)");
		return new Reply.Message(VsxiConventions.OK);
	}

	/** Reference §8: removes the matching registrations; every request is answered 200 OK. */
	Reply deleteRegistrations(ApiRequest request) {
		Registrations.Removed removed;
		try {
			removed = this.state.registrations().delete(EntryReader.read(request.body(), TableCatalog.SUB_STATS),
					this.state.quirks().ignoreUnknownFilterFields());
		}
		catch (EntryReader.UnreadableInputException ex) {
			this.state.accessLog().refused(request.user(), request.address(), request.what(), ex.getMessage());
			return new Reply.Message(VsxiConventions.OK);
		}
		if (!removed.refused().isEmpty()) {
			this.state.accessLog().refused(request.user(), request.address(), request.what(),
					"unknown filter elements " + removed.refused());
		}
		this.state.accessLog().change(request.user(), request.address(), request.what(),
				removed.count() + " registrations removed");
		return new Reply.Message(VsxiConventions.OK);
	}

	Reply configurationZip(ApiRequest request) {
		String table = request.command().table();
		String sdc = "systemConfiguration".equals(table) ? SystemFiles.systemConfiguration(this.state)
				: SystemFiles.hardwareConfiguration(this.state);
		return Reply.Body.of(VsxiConventions.ZIP_CONTENT_TYPE, zip(table + ".sdc", sdc));
	}

	Reply downloadSmcData(ApiRequest request) {
		return Reply.Body.of(VsxiConventions.ZIP_CONTENT_TYPE, zip("smcDataFile.csv", this.state.smcData()));
	}

	Reply replaceSmcData(ApiRequest request) {
		try {
			byte[] file = EntryReader.unzip(request.body()).get(0);
			String csv = new String(file, StandardCharsets.UTF_8);
			Csv.read(csv);
			this.state.smcData(csv);
		}
		catch (EntryReader.UnreadableInputException ex) {
			this.state.accessLog().refused(request.user(), request.address(), request.what(), ex.getMessage());
			return new Reply.Message(VsxiConventions.VALIDATION_EXCEPTION);
		}
		this.state.accessLog().change(request.user(), request.address(), request.what(), "SMC data file replaced");
		return new Reply.Message(VsxiConventions.OK);
	}

	private Reply dump(Document.Format format, StatsDump dump, StatsGeneration generation) {
		Quirks quirks = this.state.quirks();
		if (quirks.jsonFails(format, dump.rows())) {
			return Reply.Status.jsonConversionFailed();
		}
		StatsDump.Style style = new StatsDump.Style(quirks.singleObjectInDumps(), quirks.dumpNumbersAsText(),
				this.state.takeTableless(), this.state.takeRecursion());
		return Reply.Body.of(format.contentType, dump.render(format, generation, style));
	}

	/** The active calls; in CSV without the header line where the switch says the box sends none. */
	private Reply activeCalls(Document.Format format, List<Map<String, Object>> calls) {
		Quirks quirks = this.state.quirks();
		if (format != Document.Format.CSV || quirks.callsCsvHeader()) {
			return list(format, TableCatalog.ACTIVE_CALLS, calls);
		}
		byte[] csv = EntryWriter.bytes(TableCatalog.ACTIVE_CALLS, format, calls);
		// the header is the first line: field names hold no line break
		int body = 0;
		while (body < csv.length && csv[body++] != '\n') {
			// skip it
		}
		return Reply.Body.of(format.contentType, java.util.Arrays.copyOfRange(csv, body, csv.length));
	}

	private Reply list(Document.Format format, TableSpec spec, List<Map<String, Object>> entries) {
		Quirks quirks = this.state.quirks();
		return EntryWriter.reply(quirks, format, spec, entries, quirks.singleObjectInLists());
	}

	static byte[] zip(String name, String content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
