package app.vsxi.dashboard.gateway;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.VsxiCommand.Payload;

/**
 * The read-only state of a VSXi: {@code stats/*} and {@code system/realtime}. Calls never throw: they complete
 * with a {@link GatewayResult}, within the configured timeouts, whatever the SBC does.
 */
@Component
public class StatsReads {

	private final SbcExchange exchange;

	private final JsonMapper json = JsonMapper.builder().build();

	public StatsReads(SbcExchange exchange) {
		this.exchange = exchange;
	}

	/** {@code GET stats/realtime}: the box's system-wide counters and HA state. */
	public Mono<GatewayResult<RealtimeStats>> realtimeStats(SbcEndpoint sbc) {
		// read from the bytes: the hottest call of the dashboard, made for every SBC every few seconds
		return Replies.jsonOrElseXml(
				this.exchange.text(sbc,
						SbcExchange.Request.get(VsxiAction.STATS, VsxiTable.REALTIME, Map.of("format", "json")),
						answer -> Replies.parse(answer.body(),
								(byte[] body) -> RealtimeStats.from(StatsDumpReader.read(this.json.readTree(body))),
								"stats/realtime")),
				() -> Replies.read(this.exchange, sbc, VsxiAction.STATS, VsxiTable.REALTIME, Format.XML,
						body -> RealtimeStats.from(StatsDumpReader.readXml(Replies.utf8(body)))));
	}

	/** {@code GET stats/<table>} for the database-dump tables: table name → rows of field → value. */
	public Mono<GatewayResult<Map<String, List<Map<String, String>>>>> statsDump(SbcEndpoint sbc, VsxiTable table) {
		return Replies.checked(VsxiAction.STATS, table, Format.JSON, Payload.DUMP, () -> Replies.jsonOrElseXml(
				Replies.read(this.exchange, sbc, VsxiAction.STATS, table, Format.JSON,
						body -> StatsDumpReader.read(this.json.readTree(body))),
				() -> Replies.read(this.exchange, sbc, VsxiAction.STATS, table, Format.XML,
						body -> StatsDumpReader.readXml(Replies.utf8(body)))));
	}

	/** {@code GET stats/<table>} for the object-list tables: media_server, sub_stats, active_calls. */
	public Mono<GatewayResult<TableDocument>> statsList(SbcEndpoint sbc, VsxiTable table) {
		return statsList(sbc, table, Format.JSON);
	}

	/** The same in a chosen format (active_calls also comes as CSV). */
	public Mono<GatewayResult<TableDocument>> statsList(SbcEndpoint sbc, VsxiTable table, Format format) {
		return Replies.checked(VsxiAction.STATS, table, format, Payload.TABLE,
				() -> Replies.readTable(this.exchange, sbc, VsxiAction.STATS, table, format));
	}

	/** {@code GET system/realtime}: host, version and uptime as plain text. */
	public Mono<GatewayResult<SystemInfo>> systemInfo(SbcEndpoint sbc) {
		return Replies.read(this.exchange, sbc, VsxiAction.SYSTEM, VsxiTable.REALTIME, null, SystemInfo::parse);
	}

}
