package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.VsxiCommand.Payload;

/**
 * Every call the dashboard makes to a VSXi, one method per kind of command. Calls never throw: they complete
 * with a {@link GatewayResult}, within the configured timeouts, whatever the SBC does.
 */
@Component
public class VsxiGateway implements DisposableBean {

	private final GatewayProperties properties;

	private final SbcClients clients;

	private final SbcGuards guards;

	private final SbcExchange exchange;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Re-reads after a kill or registration delete, and the pause between them. */
	private static final int REREADS = 3;

	private static final Duration REREAD_PAUSE = Duration.ofMillis(400);

	/** Lines after a 300 message kept at most: a reason per dropped entry of a large write, never unbounded. */
	private static final int MOST_DISCARD_DETAILS = 10_000;

	private final ExecutorService zipWriters = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "vsxi-zip-writer");
		thread.setDaemon(true);
		return thread;
	});

	public VsxiGateway(GatewayProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.clients = new SbcClients(properties);
		this.guards = new SbcGuards(properties, meters);
		this.exchange = new SbcExchange(properties, this.clients, this.guards, meters);
	}

	/** {@code GET stats/realtime}: the box's system-wide counters and HA state. */
	public Mono<GatewayResult<RealtimeStats>> realtimeStats(SbcEndpoint sbc) {
		// read from the bytes: the hottest call of the dashboard, made for every SBC every few seconds
		return jsonOrElseXml(
				this.exchange.text(sbc,
						SbcExchange.Request.get(VsxiAction.STATS, VsxiTable.REALTIME, Map.of("format", "json")),
						answer -> parse(answer.body(),
								(byte[] body) -> RealtimeStats.from(StatsDumpReader.read(this.json.readTree(body))),
								"stats/realtime")),
				() -> read(sbc, VsxiAction.STATS, VsxiTable.REALTIME, Format.XML,
						body -> RealtimeStats.from(StatsDumpReader.readXml(utf8(body)))));
	}

	/** {@code GET stats/<table>} for the database-dump tables: table name → rows of field → value. */
	public Mono<GatewayResult<Map<String, List<Map<String, String>>>>> statsDump(SbcEndpoint sbc, VsxiTable table) {
		return checked(VsxiAction.STATS, table, Format.JSON, Payload.DUMP, () -> jsonOrElseXml(
				read(sbc, VsxiAction.STATS, table, Format.JSON, body -> StatsDumpReader.read(this.json.readTree(body))),
				() -> read(sbc, VsxiAction.STATS, table, Format.XML, body -> StatsDumpReader.readXml(utf8(body)))));
	}

	/** {@code GET stats/<table>} for the object-list tables: media_server, sub_stats, active_calls. */
	public Mono<GatewayResult<TableDocument>> statsList(SbcEndpoint sbc, VsxiTable table) {
		return statsList(sbc, table, Format.JSON);
	}

	/** The same in a chosen format (active_calls also comes as CSV). */
	public Mono<GatewayResult<TableDocument>> statsList(SbcEndpoint sbc, VsxiTable table, Format format) {
		return checked(VsxiAction.STATS, table, format, Payload.TABLE, () -> readTable(sbc, VsxiAction.STATS, table,
				format));
	}

	/** {@code GET system/realtime}: host, version and uptime as plain text. */
	public Mono<GatewayResult<SystemInfo>> systemInfo(SbcEndpoint sbc) {
		return read(sbc, VsxiAction.SYSTEM, VsxiTable.REALTIME, null, SystemInfo::parse);
	}

	/** {@code GET download/<table>} in XML, the box's own format. */
	public Mono<GatewayResult<TableDocument>> download(SbcEndpoint sbc, VsxiTable table) {
		return download(sbc, table, Format.XML);
	}

	public Mono<GatewayResult<TableDocument>> download(SbcEndpoint sbc, VsxiTable table, Format format) {
		return checked(VsxiAction.DOWNLOAD, table, format, Payload.TABLE,
				() -> readTable(sbc, VsxiAction.DOWNLOAD, table, format));
	}

	/** {@code GET download/<table>} as the box sends it, e.g. CSV of routes. */
	public Mono<GatewayResult<String>> downloadText(SbcEndpoint sbc, VsxiTable table, Format format) {
		return checked(VsxiAction.DOWNLOAD, table, format, Payload.TABLE,
				() -> read(sbc, VsxiAction.DOWNLOAD, table, format, Function.identity()));
	}

	/** {@code GET query/<table>?queryString=…}: the entries matching the condition. */
	public Mono<GatewayResult<TableDocument>> query(SbcEndpoint sbc, VsxiTable table, String queryString) {
		return query(sbc, table, queryString, Format.XML);
	}

	public Mono<GatewayResult<TableDocument>> query(SbcEndpoint sbc, VsxiTable table, String queryString,
			Format format) {
		Function<Format, Mono<GatewayResult<TableDocument>>> ask = asked -> this.exchange.text(sbc,
				SbcExchange.Request.get(VsxiAction.QUERY, table,
						Map.of("queryString", queryString, "format", asked.parameter())),
				answer -> parse(answer.text(), parser(asked), "query/" + table));
		return checked(VsxiAction.QUERY, table, format, Payload.TABLE,
				() -> format == Format.JSON ? jsonOrElseXml(ask.apply(format), () -> ask.apply(Format.XML))
						: ask.apply(format));
	}

	/**
	 * {@code GET downloadLarge/<table>}: the zipped table, handed to {@code sink} entry by entry while it arrives,
	 * so no table is ever held whole.
	 */
	public Mono<GatewayResult<TableZip.Summary>> downloadLarge(SbcEndpoint sbc, VsxiTable table,
			Consumer<TableRow> sink) {
		return downloadLarge(sbc, table, Format.XML, sink);
	}

	public Mono<GatewayResult<TableZip.Summary>> downloadLarge(SbcEndpoint sbc, VsxiTable table, Format format,
			Consumer<TableRow> sink) {
		Function<Format, Mono<GatewayResult<TableZip.Summary>>> ask = asked -> this.exchange.stream(sbc,
				SbcExchange.Request.get(VsxiAction.DOWNLOAD_LARGE, table, Map.of("format", asked.parameter())),
				zip -> TableZip.read(zip, asked, ZipLimits.DEFAULT, sink));
		// the failed JSON answer handed nothing on, so asking in XML cannot hand an entry twice
		return checked(VsxiAction.DOWNLOAD_LARGE, table, format, Payload.TABLE,
				() -> format == Format.JSON ? jsonOrElseXml(ask.apply(format), () -> ask.apply(Format.XML))
						: ask.apply(format));
	}

	/**
	 * {@code GET downloadLarge/systemConfiguration} or {@code hardwareConfiguration}: the zip with the SDC file,
	 * copied to {@code out} as it arrives, untouched. Completes with the number of bytes.
	 */
	public Mono<GatewayResult<Long>> downloadFile(SbcEndpoint sbc, VsxiTable table, OutputStream out) {
		if (table.command(VsxiAction.DOWNLOAD_LARGE).filter(command -> command.payload() == Payload.FILE).isEmpty()) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported("downloadLarge/" + table + " as a file")));
		}
		return this.exchange.stream(sbc, SbcExchange.Request.get(VsxiAction.DOWNLOAD_LARGE, table, Map.of()), zip -> {
			try {
				return zip.transferTo(out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** {@code POST update/<table>}: updates the entries and inserts missing ones. Every field of each entry goes. */
	public Mono<GatewayResult<WriteOutcome>> update(SbcEndpoint sbc, VsxiTable table, TableDocument entries) {
		return update(sbc, table, entries, Format.XML);
	}

	public Mono<GatewayResult<WriteOutcome>> update(SbcEndpoint sbc, VsxiTable table, TableDocument entries,
			Format format) {
		return write(sbc, VsxiAction.UPDATE, table, entries, format);
	}

	/** {@code DELETE delete/<table>}: removes the entries matching those sent. */
	public Mono<GatewayResult<WriteOutcome>> delete(SbcEndpoint sbc, VsxiTable table, TableDocument entries) {
		return delete(sbc, table, entries, Format.XML);
	}

	public Mono<GatewayResult<WriteOutcome>> delete(SbcEndpoint sbc, VsxiTable table, TableDocument entries,
			Format format) {
		return write(sbc, VsxiAction.DELETE, table, entries, format);
	}

	/** {@code POST upload/<table>}: replaces the whole table with the entries sent. */
	public Mono<GatewayResult<WriteOutcome>> upload(SbcEndpoint sbc, VsxiTable table, TableDocument entries) {
		return upload(sbc, table, entries, Format.XML);
	}

	public Mono<GatewayResult<WriteOutcome>> upload(SbcEndpoint sbc, VsxiTable table, TableDocument entries,
			Format format) {
		return write(sbc, VsxiAction.UPLOAD, table, entries, format);
	}

	/**
	 * A {@code *Large} write ({@code updateLarge}, {@code deleteLarge}, {@code replaceLarge}) in XML: the entries
	 * are zipped while they are sent, so the table never has to be in memory. {@code names} are those the entries
	 * came under; {@code parameters} carries e.g. the {@code tableID} of {@code replaceLarge/routesInRouteTable}.
	 */
	public Mono<GatewayResult<WriteOutcome>> writeLarge(SbcEndpoint sbc, VsxiAction action, VsxiTable table,
			ElementNames names, Iterable<TableRow> entries, Map<String, String> parameters) {
		return writeLarge(sbc, action, table, Format.XML, names, entries, parameters);
	}

	public Mono<GatewayResult<WriteOutcome>> writeLarge(SbcEndpoint sbc, VsxiAction action, VsxiTable table,
			Format format, ElementNames names, Iterable<TableRow> entries, Map<String, String> parameters) {
		if (!action.large() || !action.write()) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported(action + " as a Large write")));
		}
		return checked(action, table, format, Payload.TABLE, () -> {
			Map<String, String> all = new LinkedHashMap<>(parameters);
			all.put("format", format.parameter());
			// zipped afresh for every send (a 405 is answered once more with the other method), with no
			// Content-Type, as curl -T sends a file
			return this.exchange.text(sbc, new SbcExchange.Request(action.method(), action, table, all,
					(request, context) -> request.writeWith(DataBufferUtils.outputStreamPublisher(
							out -> TableZip.write(table + "." + format.parameter(), format, names, entries.iterator(),
									out),
							request.bufferFactory(), this.zipWriters))),
					answer -> outcome(answer, sbc));
		});
	}

	// Kills and registration deletes (reference §8, §10.3, §10.4). A VSXi answers 200 whatever matched, so each of
	// these re-reads the box afterwards and reports how many of its targets actually went.

	/** {@code GET stats/active_calls?format=csv}, kept as the box's bytes so that a kill can be cut from them. */
	public Mono<GatewayResult<CallsCsv>> activeCallsCsv(SbcEndpoint sbc) {
		return this.exchange.text(sbc, SbcExchange.Request.get(VsxiAction.STATS, VsxiTable.ACTIVE_CALLS, Map.of("format", "csv")),
				answer -> parse(answer.body(), CallsCsv::parse, "stats/active_calls as CSV"));
	}

	/**
	 * {@code DELETE delete/active_calls} with lines cut from the box's own CSV, byte for byte, sent as {@code curl -T}
	 * sends a file (no Content-Type, no {@code format}). {@code listedBefore} are the calls the box listed just
	 * before (by {@link #callKey}), so the re-read can say what else ended meanwhile. No target sends nothing.
	 */
	public Mono<GatewayResult<VerifiedRemoval>> killCalls(SbcEndpoint sbc, CallsCsv.Cut cut, Set<String> listedBefore) {
		if (cut.targets().isEmpty()) {
			return Mono.just(GatewayResult.ok(VerifiedRemoval.nothingSent()));
		}
		byte[] body = cut.body();
		Mono<GatewayResult<WriteOutcome>> sent = this.exchange.text(sbc,
				new SbcExchange.Request(VsxiAction.DELETE.method(), VsxiAction.DELETE, VsxiTable.ACTIVE_CALLS, Map.of(), (request, context) -> {
					request.getHeaders().setContentLength(body.length);
					return request.writeWith(Mono.just(request.bufferFactory().wrap(body)));
				}), answer -> outcome(answer, sbc));
		return verified(sent, new String(body, StandardCharsets.UTF_8), Set.copyOf(cut.targets()), listedBefore,
				() -> activeCallKeys(sbc));
	}

	/**
	 * The XML alternative: one {@code XBActiveCall} per call carrying its slot and its Call-ID together
	 * ({@code ssm_index} and {@code callID}, as a working client copies them back), so a slot that a new call took
	 * meanwhile names no call to a box that matches both. A call without either is refused, nothing sent.
	 */
	public Mono<GatewayResult<VerifiedRemoval>> killCallsByXml(SbcEndpoint sbc, List<TableRow> calls,
			Set<String> listedBefore) {
		if (calls.isEmpty()) {
			return Mono.just(GatewayResult.ok(VerifiedRemoval.nothingSent()));
		}
		if (calls.stream().anyMatch(call -> !identified(call))) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported("killing a call without its slot and Call-ID")));
		}
		TableDocument document = killDocument(calls);
		Set<String> targets = calls.stream().map(VsxiGateway::callKey).collect(Collectors.toSet());
		return verified(write(sbc, VsxiAction.DELETE, VsxiTable.ACTIVE_CALLS, document, Format.XML),
				xml(document), targets, listedBefore, () -> activeCallKeys(sbc));
	}

	/**
	 * {@code DELETE delete/sub_stats} by registration id only, one {@code XBSubStats} per id: whether a box refuses or
	 * ignores a filter element it does not know is open (reference §11.5), and an ignored one widens the filter.
	 * {@code listedBefore} are the ids the box listed just before, so the re-read can say what else went meanwhile.
	 */
	public Mono<GatewayResult<VerifiedRemoval>> deleteRegistrations(SbcEndpoint sbc, List<String> ids,
			Set<String> listedBefore) {
		if (ids.isEmpty()) {
			return Mono.just(GatewayResult.ok(VerifiedRemoval.nothingSent()));
		}
		if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported(
					"registration delete without an id: it could match every registration")));
		}
		TableDocument document = registrationDeleteDocument(ids);
		return verified(write(sbc, VsxiAction.DELETE, VsxiTable.SUB_STATS, document, Format.XML), xml(document),
				Set.copyOf(ids), listedBefore, () -> statsList(sbc, VsxiTable.SUB_STATS).map(result -> result
					.map(after -> after.rows().stream().map(row -> row.text("id")).collect(Collectors.toSet()))));
	}

	/** The XML {@link #killCallsByXml} sends for these calls, to show before it is sent. */
	public static String killXml(List<TableRow> calls) {
		return xml(killDocument(calls));
	}

	/** The XML {@link #deleteRegistrations} sends for these ids, to show before it is sent. */
	public static String registrationDeleteXml(List<String> ids) {
		return xml(registrationDeleteDocument(ids));
	}

	private static TableDocument killDocument(List<TableRow> calls) {
		return new TableDocument(VsxiTable.ACTIVE_CALLS.names(), calls.stream().map(call -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("ssm_index", Objects.toString(call.text("ssm_index"), "").strip());
			entry.put("callID", Objects.toString(call.text("callID"), "").strip());
			return new TableRow(entry);
		}).toList());
	}

	private static TableDocument registrationDeleteDocument(List<String> ids) {
		return new TableDocument(VsxiTable.SUB_STATS.names(),
				ids.stream().map(id -> new TableRow(Map.of("id", id.strip()))).toList());
	}

	/** As the API combines them: every field the filter gives equals the registration's. */
	public static boolean registrationMatches(TableRow registration, Map<String, String> filter) {
		boolean any = false;
		for (Map.Entry<String, String> field : filter.entrySet()) {
			String wanted = field.getValue() == null ? "" : field.getValue().strip();
			if (wanted.isEmpty()) {
				continue;
			}
			any = true;
			String name = field.getKey();
			String actual = "trunkId".equalsIgnoreCase(name)
					? Objects.requireNonNullElse(registration.text("trunkId"), registration.text("trunkID"))
					: registration.text(name);
			if (!wanted.equals(actual == null ? null : actual.strip())) {
				return false;
			}
		}
		return any;
	}

	/** A call is the same call while its slot and its SIP Call-ID are; a slot alone may be a later call's. */
	public static String callKey(TableRow call) {
		return Objects.toString(call.text("ssm_index"), "") + "|" + Objects.toString(call.text("callID"), "");
	}

	/** Whether a call carries both halves of its identity, its slot and its Call-ID. */
	public static boolean identified(TableRow call) {
		return call.text("ssm_index") != null && !call.text("ssm_index").isBlank() && call.text("callID") != null
				&& !call.text("callID").isBlank();
	}

	private Mono<GatewayResult<Set<String>>> activeCallKeys(SbcEndpoint sbc) {
		return statsList(sbc, VsxiTable.ACTIVE_CALLS).map(result -> result
			.map(calls -> calls.rows().stream().map(VsxiGateway::callKey).collect(Collectors.toSet())));
	}

	/**
	 * Sends, then re-reads until every target is gone or the re-reads are used up: a box may need a moment to tear
	 * a call down after its 200. The last re-read also shows what else went since {@code listedBefore}.
	 */
	private Mono<GatewayResult<VerifiedRemoval>> verified(Mono<GatewayResult<WriteOutcome>> send, String sent,
			Set<String> targets, Set<String> listedBefore, Supplier<Mono<GatewayResult<Set<String>>>> reread) {
		return send.flatMap(result -> {
			if (result instanceof GatewayResult.Failed<WriteOutcome> failed) {
				return Mono.just(GatewayResult.<VerifiedRemoval>failed(failed.error()));
			}
			String message = ((GatewayResult.Ok<WriteOutcome>) result).value().vsxiMessage();
			return present(targets, reread, REREADS).map(after -> GatewayResult.ok(after instanceof GatewayResult.Ok<Set<String>> ok
					? new VerifiedRemoval(sent, message, targets.size(),
							(int) targets.stream().filter(target -> !ok.value().contains(target)).count(), null,
							listedBefore.stream().filter(other -> !targets.contains(other) && !ok.value().contains(other))
								.sorted().toList())
					: new VerifiedRemoval(sent, message, targets.size(), 0,
							((GatewayResult.Failed<Set<String>>) after).error().message(), List.of())));
		});
	}

	private static Mono<GatewayResult<Set<String>>> present(Set<String> targets,
			Supplier<Mono<GatewayResult<Set<String>>>> reread, int attempts) {
		return reread.get().flatMap(result -> {
			if (result instanceof GatewayResult.Ok<Set<String>> ok && attempts > 1
					&& targets.stream().anyMatch(ok.value()::contains)) {
				return Mono.delay(REREAD_PAUSE).then(present(targets, reread, attempts - 1));
			}
			return Mono.just(result);
		});
	}

	private static String xml(TableDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableCodec.of(Format.XML).write(new ElementNames(document.root(), document.item()), document.rows().iterator(), out);
		return out.toString(StandardCharsets.UTF_8);
	}

	/** Drops the connections and failure history kept for an SBC, e.g. after its address or certificate changed. */
	public void forget(long sbcId) {
		this.clients.forget(sbcId);
		this.exchange.forget(sbcId);
		this.guards.reset(sbcId);
	}

	/** The certificate an SBC presents now, for an administrator to confirm. */
	public GatewayResult<String> presentedCertificate(URI baseUrl) {
		return CertificateProbe.presentedFingerprint(baseUrl, this.properties.connectTimeout());
	}

	private Mono<GatewayResult<WriteOutcome>> write(SbcEndpoint sbc, VsxiAction action, VsxiTable table,
			TableDocument entries, Format format) {
		return checked(action, table, format, Payload.TABLE, () -> {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			try {
				TableCodec.of(format).write(entries.names(), entries.rows().iterator(), body);
			}
			catch (IllegalArgumentException ex) {
				return Mono.just(GatewayResult.failed(new GatewayError.Unsupported(action + "/" + table + " in "
						+ format.parameter() + ": " + ex.getMessage())));
			}
			byte[] bytes = body.toByteArray();
			return this.exchange.text(sbc, new SbcExchange.Request(action.method(), action, table,
					Map.of("format", format.parameter()), (request, context) -> {
						format.contentType().ifPresent(request.getHeaders()::setContentType);
						request.getHeaders().setContentLength(bytes.length);
						return request.writeWith(Mono.fromSupplier(() -> request.bufferFactory().wrap(bytes)));
					}), answer -> outcome(answer, sbc));
		});
	}

	private <T> Mono<GatewayResult<T>> read(SbcEndpoint sbc, VsxiAction action, VsxiTable table, Format format,
			Function<String, T> parser) {
		Map<String, String> parameters = format == null ? Map.of() : Map.of("format", format.parameter());
		return this.exchange.text(sbc, SbcExchange.Request.get(action, table, parameters),
				answer -> parse(answer.text(), parser, action + "/" + table));
	}

	/** Refuses what the catalog does not list before anything is sent. */
	private static <T> Mono<GatewayResult<T>> checked(VsxiAction action, VsxiTable table, Format format,
			Payload payload, Supplier<Mono<GatewayResult<T>>> call) {
		if (!table.supports(action, format)
				|| table.command(action).map(VsxiCommand::payload).orElse(null) != payload) {
			return Mono.just(GatewayResult.failed(
					new GatewayError.Unsupported(action + "/" + table + " in " + format.parameter())));
		}
		return call.get();
	}

	private static Function<String, TableDocument> parser(Format format) {
		return switch (format) {
			case JSON -> TableJson::read;
			case XML -> body -> TableXml.read(utf8(body));
			case CSV -> body -> {
				List<TableRow> rows = new ArrayList<>();
				TableCsv.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), rows::add);
				return new TableDocument(null, null, rows);
			};
		};
	}

	private Mono<GatewayResult<TableDocument>> readTable(SbcEndpoint sbc, VsxiAction action, VsxiTable table,
			Format format) {
		Mono<GatewayResult<TableDocument>> asked = read(sbc, action, table, format, parser(format));
		return format == Format.JSON ? jsonOrElseXml(asked, () -> read(sbc, action, table, Format.XML, parser(Format.XML)))
				: asked;
	}

	/** Older firmware cannot make JSON of large answers but sends the same in XML. */
	private static <T> Mono<GatewayResult<T>> jsonOrElseXml(Mono<GatewayResult<T>> json,
			Supplier<Mono<GatewayResult<T>>> xml) {
		return json.flatMap(result -> result.failure().filter(GatewayError.JsonConversionFailed.class::isInstance).isPresent()
				? xml.get() : Mono.just(result));
	}

	private static InputStream utf8(String body) {
		return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	private static <B, T> GatewayResult<T> parse(B body, Function<B, T> parser, String command) {
		try {
			return GatewayResult.ok(parser.apply(body));
		}
		catch (IncompleteAnswerException ex) {
			return GatewayResult.failed(new GatewayError.IncompleteAnswer(command + ": " + ex.getMessage()));
		}
		catch (RuntimeException ex) {
			// a 200 whose body is a VSXi failure ("400 fail - failed") is that failure, not an unreadable document
			String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
			int code = FailureClassifier.leadingCode(FailureClassifier.operatorText(text));
			if (code >= 400) {
				return GatewayResult.failed(FailureClassifier.fromStatus(code, text, null));
			}
			return GatewayResult.failed(new GatewayError.UnexpectedResponse(200,
					"cannot read " + command + ": " + FailureClassifier.abbreviate(String.valueOf(ex.getMessage()))));
		}
	}

	/**
	 * What a write did, from the HTTP status and from the code the body leads with: a box may answer
	 * {@code 300 Finished With Errors…}, {@code 400 fail…} or {@code 402…} under HTTP 200.
	 */
	private static GatewayResult<WriteOutcome> outcome(SbcExchange.Answer answer, SbcEndpoint sbc) {
		String message = FailureClassifier.operatorText(answer.text());
		int code = FailureClassifier.leadingCode(message);
		if (code >= 400) {
			return GatewayResult.failed(FailureClassifier.fromStatus(code, answer.text(), sbc));
		}
		if (answer.status() == 300 || code == 300) {
			List<String> lines = answer.text() == null ? List.of()
					: answer.text().lines().map(FailureClassifier::operatorText).filter(line -> !line.isEmpty()).toList();
			return GatewayResult.ok(lines.size() > 1 && !answer.text().contains("<")
					? new WriteOutcome.AppliedWithErrors(lines.get(0),
							lines.subList(1, Math.min(lines.size(), MOST_DISCARD_DETAILS + 1)))
					: new WriteOutcome.AppliedWithErrors(message));
		}
		return GatewayResult.ok(new WriteOutcome.Applied(message));
	}

	@Override
	public void destroy() {
		this.clients.closeAll();
		this.zipWriters.shutdownNow();
	}

}
