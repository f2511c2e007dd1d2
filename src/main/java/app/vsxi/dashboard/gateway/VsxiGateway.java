package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;

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
		return this.exchange.text(sbc,
				SbcExchange.Request.get(VsxiAction.STATS, VsxiTable.REALTIME, Map.of("format", "json")),
				answer -> parse(answer.body(),
						(byte[] body) -> RealtimeStats.from(StatsDumpReader.read(this.json.readTree(body))),
						"stats/realtime"));
	}

	/** {@code GET stats/<table>} for the database-dump tables: table name → rows of field → value. */
	public Mono<GatewayResult<Map<String, List<Map<String, String>>>>> statsDump(SbcEndpoint sbc, VsxiTable table) {
		return checked(VsxiAction.STATS, table, Format.JSON, Payload.DUMP, () -> read(sbc, VsxiAction.STATS, table,
				Format.JSON, body -> StatsDumpReader.read(this.json.readTree(body))));
	}

	/** {@code GET stats/<table>} for the object-list tables: media_server, sub_stats, active_calls. */
	public Mono<GatewayResult<TableDocument>> statsList(SbcEndpoint sbc, VsxiTable table) {
		return statsList(sbc, table, Format.JSON);
	}

	/** The same in a chosen format (active_calls also comes as CSV). */
	public Mono<GatewayResult<TableDocument>> statsList(SbcEndpoint sbc, VsxiTable table, Format format) {
		return checked(VsxiAction.STATS, table, format, Payload.TABLE,
				() -> read(sbc, VsxiAction.STATS, table, format, parser(format)));
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
				() -> read(sbc, VsxiAction.DOWNLOAD, table, format, parser(format)));
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
		return checked(VsxiAction.QUERY, table, format, Payload.TABLE,
				() -> this.exchange.text(sbc,
						SbcExchange.Request.get(VsxiAction.QUERY, table,
								Map.of("queryString", queryString, "format", format.parameter())),
						answer -> parse(answer.text(), parser(format), "query/" + table)));
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
		return checked(VsxiAction.DOWNLOAD_LARGE, table, format, Payload.TABLE,
				() -> this.exchange.stream(sbc,
						SbcExchange.Request.get(VsxiAction.DOWNLOAD_LARGE, table, Map.of("format", format.parameter())),
						zip -> TableZip.read(zip, format, ZipLimits.DEFAULT, sink)));
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
			ElementNames names, Iterator<TableRow> entries, Map<String, String> parameters) {
		return writeLarge(sbc, action, table, Format.XML, names, entries, parameters);
	}

	public Mono<GatewayResult<WriteOutcome>> writeLarge(SbcEndpoint sbc, VsxiAction action, VsxiTable table,
			Format format, ElementNames names, Iterator<TableRow> entries, Map<String, String> parameters) {
		if (!action.large() || !action.write()) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported(action + " as a Large write")));
		}
		return checked(action, table, format, Payload.TABLE, () -> {
			var zip = DataBufferUtils.outputStreamPublisher(
					out -> TableZip.write(table + "." + format.parameter(), format, names, entries, out),
					DefaultDataBufferFactory.sharedInstance, this.zipWriters);
			var body = BodyInserters.fromPublisher(zip, DataBuffer.class);
			Map<String, String> all = new LinkedHashMap<>(parameters);
			all.put("format", format.parameter());
			return this.exchange.text(sbc, new SbcExchange.Request(action.method(), action, table, all,
					(request, context) -> {
						request.getHeaders().setContentType(MediaType.APPLICATION_OCTET_STREAM);
						return body.insert(request, context);
					}), VsxiGateway::outcome);
		});
	}

	/**
	 * {@code DELETE delete/active_calls}: ends exactly the calls given, as read from {@code stats/active_calls},
	 * sent as CSV with the box's own columns. An empty list sends nothing.
	 */
	public Mono<GatewayResult<WriteOutcome>> killCalls(SbcEndpoint sbc, List<TableRow> calls) {
		return killCalls(sbc, calls, Format.CSV);
	}

	/** The same, naming the calls in CSV or XML (the box takes no JSON here). */
	public Mono<GatewayResult<WriteOutcome>> killCalls(SbcEndpoint sbc, List<TableRow> calls, Format format) {
		if (calls.isEmpty()) {
			return Mono.just(GatewayResult.ok(new WriteOutcome.Applied("nothing to end")));
		}
		return write(sbc, VsxiAction.DELETE, VsxiTable.ACTIVE_CALLS,
				new TableDocument(VsxiTable.ACTIVE_CALLS.names(), calls), format);
	}

	/**
	 * {@code DELETE delete/sub_stats}: removes the registrations matching any of the filters; the fields of one
	 * filter (username, trunkId, id, userDomain, userIp) must all match.
	 */
	public Mono<GatewayResult<WriteOutcome>> deleteRegistrations(SbcEndpoint sbc, List<Map<String, String>> filters) {
		if (filters.isEmpty() || filters.stream().anyMatch(Map::isEmpty)) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported(
					"registration delete without a filter: it would match every registration")));
		}
		List<TableRow> rows = filters.stream().map(TableRow::new).toList();
		return write(sbc, VsxiAction.DELETE, VsxiTable.SUB_STATS, new TableDocument(VsxiTable.SUB_STATS.names(), rows),
				Format.XML);
	}

	/** Drops the connections and failure history kept for an SBC, e.g. after its address or certificate changed. */
	public void forget(long sbcId) {
		this.clients.forget(sbcId);
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
			return this.exchange.text(sbc, new SbcExchange.Request(action.method(), action, table,
					Map.of("format", format.parameter()), (request, context) -> {
						request.getHeaders().setContentType(format.mediaType());
						return BodyInserters.fromValue(body.toByteArray()).insert(request, context);
					}), VsxiGateway::outcome);
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
			case XML -> body -> TableXml.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
			case CSV -> body -> {
				List<TableRow> rows = new ArrayList<>();
				TableCsv.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), rows::add);
				return new TableDocument(null, null, rows);
			};
		};
	}

	private static <B, T> GatewayResult<T> parse(B body, Function<B, T> parser, String command) {
		try {
			return GatewayResult.ok(parser.apply(body));
		}
		catch (RuntimeException ex) {
			return GatewayResult.failed(new GatewayError.UnexpectedResponse(200,
					"cannot read " + command + ": " + FailureClassifier.abbreviate(String.valueOf(ex.getMessage()))));
		}
	}

	private static GatewayResult<WriteOutcome> outcome(SbcExchange.Answer answer) {
		String message = answer.text().strip();
		return GatewayResult.ok(answer.status() == 300 ? new WriteOutcome.AppliedWithErrors(message)
				: new WriteOutcome.Applied(message));
	}

	@Override
	public void destroy() {
		this.clients.closeAll();
		this.zipWriters.shutdownNow();
	}

}
