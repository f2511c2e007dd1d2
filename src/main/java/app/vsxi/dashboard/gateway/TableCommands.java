package app.vsxi.dashboard.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.VsxiCommand.Payload;

/**
 * The table commands of a VSXi: reads ({@code download}, {@code query}, {@code downloadLarge}) and writes
 * ({@code update}, {@code delete}, {@code upload} and the {@code *Large} ones). Calls never throw: they complete
 * with a {@link GatewayResult}, within the configured timeouts, whatever the SBC does.
 */
@Component
public class TableCommands implements DisposableBean {

	private final SbcExchange exchange;

	private final ExecutorService zipWriters = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "vsxi-zip-writer");
		thread.setDaemon(true);
		return thread;
	});

	public TableCommands(SbcExchange exchange) {
		this.exchange = exchange;
	}

	/** {@code GET download/<table>} in XML, the box's own format. */
	public Mono<GatewayResult<TableDocument>> download(SbcEndpoint sbc, VsxiTable table) {
		return download(sbc, table, Format.XML);
	}

	public Mono<GatewayResult<TableDocument>> download(SbcEndpoint sbc, VsxiTable table, Format format) {
		return Replies.checked(VsxiAction.DOWNLOAD, table, format, Payload.TABLE,
				() -> Replies.readTable(this.exchange, sbc, VsxiAction.DOWNLOAD, table, format));
	}

	/** {@code GET download/<table>} as the box sends it, e.g. CSV of routes. */
	public Mono<GatewayResult<String>> downloadText(SbcEndpoint sbc, VsxiTable table, Format format) {
		return Replies.checked(VsxiAction.DOWNLOAD, table, format, Payload.TABLE,
				() -> Replies.read(this.exchange, sbc, VsxiAction.DOWNLOAD, table, format, Function.identity()));
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
				answer -> Replies.parse(answer.text(), Replies.parser(asked), "query/" + table));
		return Replies.checked(VsxiAction.QUERY, table, format, Payload.TABLE,
				() -> format == Format.JSON ? Replies.jsonOrElseXml(ask.apply(format), () -> ask.apply(Format.XML))
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
		return Replies.checked(VsxiAction.DOWNLOAD_LARGE, table, format, Payload.TABLE,
				() -> format == Format.JSON ? Replies.jsonOrElseXml(ask.apply(format), () -> ask.apply(Format.XML))
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
		return Replies.write(this.exchange, sbc, VsxiAction.UPDATE, table, entries, format);
	}

	/** {@code DELETE delete/<table>}: removes the entries matching those sent. */
	public Mono<GatewayResult<WriteOutcome>> delete(SbcEndpoint sbc, VsxiTable table, TableDocument entries) {
		return delete(sbc, table, entries, Format.XML);
	}

	public Mono<GatewayResult<WriteOutcome>> delete(SbcEndpoint sbc, VsxiTable table, TableDocument entries,
			Format format) {
		return Replies.write(this.exchange, sbc, VsxiAction.DELETE, table, entries, format);
	}

	/** {@code POST upload/<table>}: replaces the whole table with the entries sent. */
	public Mono<GatewayResult<WriteOutcome>> upload(SbcEndpoint sbc, VsxiTable table, TableDocument entries) {
		return upload(sbc, table, entries, Format.XML);
	}

	public Mono<GatewayResult<WriteOutcome>> upload(SbcEndpoint sbc, VsxiTable table, TableDocument entries,
			Format format) {
		return Replies.write(this.exchange, sbc, VsxiAction.UPLOAD, table, entries, format);
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
		return Replies.checked(action, table, format, Payload.TABLE, () -> {
			Map<String, String> all = new LinkedHashMap<>(parameters);
			all.put("format", format.parameter());
			// zipped afresh for every send (a 405 is answered once more with the other method), with no
			// Content-Type, as curl -T sends a file
			return this.exchange.text(sbc, new SbcExchange.Request(action.method(), action, table, all,
					(request, context) -> request.writeWith(DataBufferUtils.outputStreamPublisher(
							out -> TableZip.write(table + "." + format.parameter(), format, names, entries.iterator(),
									out),
							request.bufferFactory(), this.zipWriters))),
					answer -> Replies.outcome(answer, sbc));
		});
	}

	@Override
	public void destroy() {
		this.zipWriters.shutdownNow();
	}

}
