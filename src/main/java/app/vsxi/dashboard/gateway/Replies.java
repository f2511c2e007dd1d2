package app.vsxi.dashboard.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import app.vsxi.dashboard.gateway.VsxiCommand.Payload;

/**
 * What every kind of command shares on the wire: refusing what the catalog does not list, sending a document or a
 * read once through the {@link SbcExchange}, and turning the answer into a value or a typed error.
 */
final class Replies {

	/** Lines after a 300 message kept at most: a reason per dropped entry of a large write, never unbounded. */
	private static final int MOST_DISCARD_DETAILS = 10_000;

	private Replies() {
	}

	/** A read of {@code action/table}, its answer's text handed to {@code parser}. */
	static <T> Mono<GatewayResult<T>> read(SbcExchange exchange, SbcEndpoint sbc, VsxiAction action, VsxiTable table,
			Format format, Function<String, T> parser) {
		Map<String, String> parameters = format == null ? Map.of() : Map.of("format", format.parameter());
		return exchange.text(sbc, SbcExchange.Request.get(action, table, parameters),
				answer -> parse(answer.text(), parser, action + "/" + table));
	}

	/** A whole table read in {@code format}; JSON that older firmware cannot make is asked again in XML. */
	static Mono<GatewayResult<TableDocument>> readTable(SbcExchange exchange, SbcEndpoint sbc, VsxiAction action,
			VsxiTable table, Format format) {
		Mono<GatewayResult<TableDocument>> asked = read(exchange, sbc, action, table, format,
				parser(format));
		return format == Format.JSON ? jsonOrElseXml(asked,
				() -> read(exchange, sbc, action, table, Format.XML, parser(Format.XML))) : asked;
	}

	/** The entries sent whole in {@code format}, with the Content-Type that format has. */
	static Mono<GatewayResult<WriteOutcome>> write(SbcExchange exchange, SbcEndpoint sbc, VsxiAction action,
			VsxiTable table, TableDocument entries, Format format) {
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
			return exchange.text(sbc, new SbcExchange.Request(action.method(), action, table,
					Map.of("format", format.parameter()), (request, context) -> {
						format.contentType().ifPresent(request.getHeaders()::setContentType);
						request.getHeaders().setContentLength(bytes.length);
						return request.writeWith(Mono.fromSupplier(() -> request.bufferFactory().wrap(bytes)));
					}), answer -> outcome(answer, sbc));
		});
	}

	/** Refuses what the catalog does not list before anything is sent. */
	static <T> Mono<GatewayResult<T>> checked(VsxiAction action, VsxiTable table, Format format, Payload payload,
			Supplier<Mono<GatewayResult<T>>> call) {
		if (!table.supports(action, format)
				|| table.command(action).map(VsxiCommand::payload).orElse(null) != payload) {
			return Mono.just(GatewayResult.failed(
					new GatewayError.Unsupported(action + "/" + table + " in " + format.parameter())));
		}
		return call.get();
	}

	static Function<String, TableDocument> parser(Format format) {
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

	/** Older firmware cannot make JSON of large answers but sends the same in XML. */
	static <T> Mono<GatewayResult<T>> jsonOrElseXml(Mono<GatewayResult<T>> json, Supplier<Mono<GatewayResult<T>>> xml) {
		return json.flatMap(result -> result.failure().filter(GatewayError.JsonConversionFailed.class::isInstance).isPresent()
				? xml.get() : Mono.just(result));
	}

	static InputStream utf8(String body) {
		return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
	}

	/** A document as the box is sent it in XML, to show before it is sent. */
	static String xml(TableDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		TableCodec.of(Format.XML).write(new ElementNames(document.root(), document.item()), document.rows().iterator(), out);
		return out.toString(StandardCharsets.UTF_8);
	}

	static <B, T> GatewayResult<T> parse(B body, Function<B, T> parser, String command) {
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
	static GatewayResult<WriteOutcome> outcome(SbcExchange.Answer answer, SbcEndpoint sbc) {
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

}
