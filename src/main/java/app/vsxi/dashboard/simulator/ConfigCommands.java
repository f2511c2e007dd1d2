package app.vsxi.dashboard.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The commands on configuration tables: download, query, update, delete, upload and their Large forms. Input is
 * validated as the box does it (reference §7): a plain file with one bad entry changes nothing; a zipped file
 * loses its bad entries, the rest is applied, and the answer says so.
 */
final class ConfigCommands {

	private final VsxiState state;

	ConfigCommands(VsxiState state) {
		this.state = state;
	}

	Reply download(ApiRequest request) {
		VsxiTable table = this.state.table(request.command().table());
		Document.Format format = request.format();
		Quirks quirks = this.state.quirks();
		if (quirks.jsonFails(format, table.size())) {
			return Reply.Status.jsonConversionFailed();
		}
		return new Reply.Body(format.contentType, out -> {
			synchronized (table) {
				EntryWriter.write(out, table.spec(), format, table.size(), table::forEach,
						quirks.singleObjectInTables());
			}
		});
	}

	/**
	 * A zip holding one file named after the table, streamed entry by entry; with the chunk switch, one complete
	 * document per chunk of entries, as the SOAP-era downloads came.
	 */
	Reply downloadLarge(ApiRequest request) {
		VsxiTable table = this.state.table(request.command().table());
		Document.Format format = request.format();
		Quirks quirks = this.state.quirks();
		if (quirks.jsonFails(format, table.size())) {
			return Reply.Status.jsonConversionFailed();
		}
		int chunk = quirks.zipChunkEntries();
		return new Reply.Body(VsxiConventions.ZIP_CONTENT_TYPE, out -> {
			ZipOutputStream zip = new ZipOutputStream(out);
			synchronized (table) {
				if (chunk <= 0) {
					zip.putNextEntry(new ZipEntry(VsxiConventions.zipEntryName(table.spec().name(), format)));
					EntryWriter.write(zip, table.spec(), format, table.size(), table::forEach,
							quirks.singleObjectInTables());
					zip.closeEntry();
				}
				else {
					writeChunks(zip, table, format, chunk, quirks.singleObjectInTables());
				}
			}
			zip.finish();
		});
	}

	/** One pass over the table, holding one chunk at a time. */
	private static void writeChunks(ZipOutputStream zip, VsxiTable table, Document.Format format, int chunk,
			boolean singleObject) throws IOException {
		List<Map<String, Object>> entries = new ArrayList<>(Math.min(chunk, Math.max(1, table.size())));
		int[] chunks = { 0 };
		try {
			table.forEach(entry -> {
				entries.add(entry);
				if (entries.size() == chunk) {
					writeChunk(zip, table.spec(), format, ++chunks[0], entries, singleObject);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		if (!entries.isEmpty() || chunks[0] == 0) {
			writeChunk(zip, table.spec(), format, ++chunks[0], entries, singleObject);
		}
	}

	private static void writeChunk(ZipOutputStream zip, TableSpec spec, Document.Format format, int number,
			List<Map<String, Object>> entries, boolean singleObject) {
		try {
			zip.putNextEntry(new ZipEntry(VsxiConventions.zipChunkName(spec.name(), format, number)));
			EntryWriter.write(zip, spec, format, entries.size(), EntryWriter.Entries.of(entries), singleObject);
			zip.closeEntry();
			entries.clear();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Reply query(ApiRequest request) {
		VsxiTable table = this.state.table(request.command().table());
		Predicate<Map<String, Object>> condition;
		try {
			condition = QueryParser.parse(request.parameters().get("queryString"), table.spec());
		}
		catch (QueryParser.QueryException ex) {
			return new Reply.Message(VsxiConventions.invalidQuery(ex.getMessage()));
		}
		List<Map<String, Object>> matches = new ArrayList<>();
		synchronized (table) {
			table.forEach(entry -> {
				if (condition.test(entry)) {
					matches.add(entry);
				}
			});
		}
		Quirks quirks = this.state.quirks();
		return EntryWriter.reply(quirks, request.format(), table.spec(), matches, quirks.singleObjectInTables());
	}

	/** update, delete, upload, replaceLarge and the other Large writes. */
	Reply write(ApiRequest request) {
		VsxiCommand command = request.command();
		VsxiTable table = this.state.table(VsxiConventions.storedTable(command.table()));
		TableSpec spec = table.spec();
		UserAccessLog log = this.state.accessLog();
		List<Map<String, Object>> raw;
		try {
			raw = command.large() ? EntryReader.readZip(request.body(), spec) : EntryReader.read(request.body(), spec);
		}
		catch (EntryReader.UnreadableInputException ex) {
			log.refused(request.user(), request.address(), request.what(), ex.getMessage());
			return new Reply.Message(VsxiConventions.VALIDATION_EXCEPTION);
		}
		if (!command.large() && raw.size() > VsxiConventions.PLAIN_INPUT_LIMIT) {
			log.refused(request.user(), request.address(), request.what(),
					raw.size() + " entries in a plain file; use the Large action");
			return new Reply.Message(VsxiConventions.FAILED);
		}
		Long scope = scope(request, spec);
		List<Map<String, Object>> valid = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		for (int i = 0; i < raw.size(); i++) {
			try {
				Map<String, Object> entry = spec.normalize(raw.get(i));
				if (scope != null && !scope.equals(entry.get("tableId"))) {
					throw new TableSpec.InvalidEntryException("tableId " + entry.get("tableId") + " is not table " + scope);
				}
				valid.add(entry);
			}
			catch (TableSpec.InvalidEntryException ex) {
				log.validationError(request.user(), request.address(), request.what(), i + 1, ex.getMessage());
				errors.add("entry " + (i + 1) + ": " + ex.getMessage());
			}
		}
		if (!errors.isEmpty() && !command.large()) {
			log.refused(request.user(), request.address(), request.what(), "validation failed, nothing changed");
			return new Reply.Message(VsxiConventions.VALIDATION_EXCEPTION);
		}
		int changed;
		List<String> rowKeys = this.state.quirks().rowKeys().get(spec.name());
		synchronized (table) {
			changed = apply(command, table, valid, scope, rowKeys);
		}
		log.change(request.user(), request.address(), request.what(), changed + " of " + raw.size() + " entries applied"
				+ (errors.isEmpty() ? "" : ", " + errors.size() + " discarded"));
		if (!errors.isEmpty()) {
			return new Reply.Message(this.state.quirks().discardReasons()
					? VsxiConventions.FINISHED_WITH_ERRORS + "\n" + String.join("\n", errors)
					: VsxiConventions.FINISHED_WITH_ERRORS);
		}
		return new Reply.Message("upload".equals(command.action()) ? VsxiConventions.UPLOAD_OK : VsxiConventions.OK);
	}

	/** {@code rowKeys}: the fields this box matches entries on, where the switch names others than the table's. */
	private int apply(VsxiCommand command, VsxiTable table, List<Map<String, Object>> entries, Long scope,
			List<String> rowKeys) {
		switch (command.action()) {
			case "delete", "deleteLarge" -> {
				int deleted = 0;
				for (Map<String, Object> entry : entries) {
					deleted += table.delete(entry, rowKeys) ? 1 : 0;
				}
				return deleted;
			}
			case "upload", "replaceLarge" -> {
				if (VsxiConventions.storedTable(command.table()).equals(command.table())) {
					table.clear();
				}
				else {
					Set<Object> tableIds = new HashSet<>();
					if (scope != null) {
						tableIds.add(scope);
					}
					entries.forEach(entry -> tableIds.add(entry.get("tableId")));
					table.deleteWhere(entry -> tableIds.contains(entry.get("tableId")));
				}
			}
			default -> {
			}
		}
		entries.forEach(entry -> table.upsert(entry, rowKeys));
		return entries.size();
	}

	/** For routesInRouteTable and digitMappingsInDigMapTable: the one table id they replace, if named. */
	private static Long scope(ApiRequest request, TableSpec spec) {
		if (VsxiConventions.storedTable(request.command().table()).equals(request.command().table())) {
			return null;
		}
		String id = request.parameters().getOrDefault(VsxiConventions.TABLE_ID_PARAMETER,
				request.parameters().get("tableId"));
		try {
			return id == null || id.isBlank() ? null : Long.valueOf(id.trim());
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}

}
