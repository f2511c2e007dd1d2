package app.vsxi.dashboard.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Kills and registration deletes on the wire (reference §8, §10.3, §10.4): each is sent once and its answer
 * classified. A VSXi answers 200 whatever matched, so what was chosen and whether it went is for the caller to
 * judge, by reading the box again.
 */
@Component
public class CallCommands {

	private final SbcExchange exchange;

	public CallCommands(SbcExchange exchange) {
		this.exchange = exchange;
	}

	/** {@code GET stats/active_calls?format=csv}, kept as the box's bytes so that a kill can be cut from them. */
	public Mono<GatewayResult<CallsCsv>> activeCallsCsv(SbcEndpoint sbc) {
		return this.exchange.text(sbc,
				SbcExchange.Request.get(VsxiAction.STATS, VsxiTable.ACTIVE_CALLS, Map.of("format", "csv")),
				answer -> Replies.parse(answer.body(), CallsCsv::parse, "stats/active_calls as CSV"));
	}

	/**
	 * {@code DELETE delete/active_calls} with lines cut from the box's own CSV, byte for byte, sent as {@code curl -T}
	 * sends a file (no Content-Type, no {@code format}).
	 */
	public Mono<GatewayResult<WriteOutcome>> killCallsCsv(SbcEndpoint sbc, byte[] body) {
		return this.exchange.text(sbc, new SbcExchange.Request(VsxiAction.DELETE.method(), VsxiAction.DELETE,
				VsxiTable.ACTIVE_CALLS, Map.of(), (request, context) -> {
					request.getHeaders().setContentLength(body.length);
					return request.writeWith(Mono.just(request.bufferFactory().wrap(body)));
				}), answer -> Replies.outcome(answer, sbc));
	}

	/**
	 * The XML alternative: one {@code XBActiveCall} per call carrying its slot and its Call-ID together
	 * ({@code ssm_index} and {@code callID}, as a working client copies them back), so a slot that a new call took
	 * meanwhile names no call to a box that matches both.
	 */
	public Mono<GatewayResult<WriteOutcome>> killCallsXml(SbcEndpoint sbc, List<TableRow> calls) {
		return Replies.write(this.exchange, sbc, VsxiAction.DELETE, VsxiTable.ACTIVE_CALLS, killDocument(calls),
				Format.XML);
	}

	/**
	 * {@code DELETE delete/sub_stats} by registration id only, one {@code XBSubStats} per id: whether a box refuses or
	 * ignores a filter element it does not know is open (reference §11.5), and an ignored one widens the filter.
	 */
	public Mono<GatewayResult<WriteOutcome>> deleteRegistrations(SbcEndpoint sbc, List<String> ids) {
		return Replies.write(this.exchange, sbc, VsxiAction.DELETE, VsxiTable.SUB_STATS, registrationDeleteDocument(ids),
				Format.XML);
	}

	/** The XML {@link #killCallsXml} sends for these calls, to show before it is sent. */
	public static String killXml(List<TableRow> calls) {
		return Replies.xml(killDocument(calls));
	}

	/** The XML {@link #deleteRegistrations} sends for these ids, to show before it is sent. */
	public static String registrationDeleteXml(List<String> ids) {
		return Replies.xml(registrationDeleteDocument(ids));
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

}
