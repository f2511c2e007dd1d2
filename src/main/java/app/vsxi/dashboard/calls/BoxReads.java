package app.vsxi.dashboard.calls;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import app.vsxi.dashboard.gateway.Format;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.VsxiTable;

import org.springframework.stereotype.Component;

/**
 * Reads of active calls and registrations, shared for a moment by everyone watching the same list: twenty
 * operators on a box with 20,000 calls cost one download per refresh, not twenty. Access is checked by the
 * callers before they ask.
 */
@Component
class BoxReads {

	private final StatsReads stats;

	private final TableCommands tables;

	private final CallsProperties properties;

	private final Map<String, Shared> shared = new ConcurrentHashMap<>();

	BoxReads(StatsReads stats, TableCommands tables, CallsProperties properties) {
		this.stats = stats;
		this.tables = tables;
		this.properties = properties;
	}

	/** {@code stats/active_calls}, or {@code query/active_calls} when there is a condition for the box. */
	Mono<GatewayResult<TableDocument>> activeCalls(SbcEndpoint sbc, String condition) {
		return condition == null ? share(sbc, "calls", () -> this.stats.statsList(sbc, VsxiTable.ACTIVE_CALLS))
				: share(sbc, "calls?" + condition, () -> this.tables.query(sbc, VsxiTable.ACTIVE_CALLS, condition, Format.JSON));
	}

	Mono<GatewayResult<TableDocument>> registrations(SbcEndpoint sbc) {
		return share(sbc, "registrations", () -> this.stats.statsList(sbc, VsxiTable.SUB_STATS));
	}

	/**
	 * The same calls read anew, never an answer shared from before: the list shown with a kill's result must be
	 * read after the kill. Later viewers share this read.
	 */
	Mono<GatewayResult<TableDocument>> activeCallsNow(SbcEndpoint sbc, String condition) {
		return condition == null ? renew(sbc, "calls", () -> this.stats.statsList(sbc, VsxiTable.ACTIVE_CALLS))
				: renew(sbc, "calls?" + condition, () -> this.tables.query(sbc, VsxiTable.ACTIVE_CALLS, condition, Format.JSON));
	}

	/** The registrations read anew, as {@link #activeCallsNow} for a delete's result. */
	Mono<GatewayResult<TableDocument>> registrationsNow(SbcEndpoint sbc) {
		return renew(sbc, "registrations", () -> this.stats.statsList(sbc, VsxiTable.SUB_STATS));
	}

	/** After a kill or delete the next look must see the box as it is now. */
	void forget(long sbcId) {
		this.shared.keySet().removeIf(key -> key.startsWith(sbcId + "|"));
	}

	private Mono<GatewayResult<TableDocument>> share(SbcEndpoint sbc, String what,
			java.util.function.Supplier<Mono<GatewayResult<TableDocument>>> read) {
		Instant now = Instant.now();
		Instant stale = now.minus(this.properties.shareFor());
		this.shared.values().removeIf(entry -> entry.at().isBefore(stale));
		return this.shared.compute(sbc.sbcId() + "|" + what,
				(key, entry) -> entry != null && !entry.at().isBefore(stale) ? entry : new Shared(now, read.get().cache()))
			.answer();
	}

	private Mono<GatewayResult<TableDocument>> renew(SbcEndpoint sbc, String what,
			java.util.function.Supplier<Mono<GatewayResult<TableDocument>>> read) {
		Shared fresh = new Shared(Instant.now(), read.get().cache());
		this.shared.put(sbc.sbcId() + "|" + what, fresh);
		return fresh.answer();
	}

	private record Shared(Instant at, Mono<GatewayResult<TableDocument>> answer) {
	}

}
