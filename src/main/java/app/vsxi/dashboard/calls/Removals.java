package app.vsxi.dashboard.calls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.gateway.CallCommands;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.VsxiTable;

/**
 * Kills and registration deletes that report what they did: nothing is sent for nothing chosen, nothing for a
 * call or registration that is not named whole, and each send is checked by re-reading the box ({@link Rereads}).
 * {@code listedBefore} is what the box listed just before, so the re-read can say what else ended meanwhile.
 */
@Component
public class Removals {

	private final CallCommands commands;

	private final StatsReads stats;

	public Removals(CallCommands commands, StatsReads stats) {
		this.commands = commands;
		this.stats = stats;
	}

	/** The calls as lines cut from the box's own CSV; {@code listedBefore} by {@link CallIdentity#key}. */
	public Mono<GatewayResult<VerifiedRemoval>> killByCsv(SbcEndpoint sbc, CsvCut cut, Set<String> listedBefore) {
		if (cut.targets().isEmpty()) {
			return Mono.just(GatewayResult.ok(VerifiedRemoval.nothingSent()));
		}
		return Rereads.verified(this.commands.killCallsCsv(sbc, cut.body()), new String(cut.body(), StandardCharsets.UTF_8),
				Set.copyOf(cut.targets()), listedBefore, () -> activeCallKeys(sbc));
	}

	/**
	 * The calls by XML, each named by its slot and Call-ID together; a call without either is refused, nothing
	 * sent, as a slot alone may be a later call's.
	 */
	public Mono<GatewayResult<VerifiedRemoval>> killByXml(SbcEndpoint sbc, List<TableRow> calls,
			Set<String> listedBefore) {
		if (calls.isEmpty()) {
			return Mono.just(GatewayResult.ok(VerifiedRemoval.nothingSent()));
		}
		if (calls.stream().anyMatch(call -> !CallIdentity.identified(call))) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported("killing a call without its slot and Call-ID")));
		}
		Set<String> targets = calls.stream().map(CallIdentity::key).collect(Collectors.toSet());
		return Rereads.verified(this.commands.killCallsXml(sbc, calls), CallCommands.killXml(calls), targets,
				listedBefore, () -> activeCallKeys(sbc));
	}

	/** The registrations by id; a blank id is refused, nothing sent, as it could match every registration. */
	public Mono<GatewayResult<VerifiedRemoval>> deleteRegistrations(SbcEndpoint sbc, List<String> ids,
			Set<String> listedBefore) {
		if (ids.isEmpty()) {
			return Mono.just(GatewayResult.ok(VerifiedRemoval.nothingSent()));
		}
		if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
			return Mono.just(GatewayResult.failed(new GatewayError.Unsupported(
					"registration delete without an id: it could match every registration")));
		}
		return Rereads.verified(this.commands.deleteRegistrations(sbc, ids), CallCommands.registrationDeleteXml(ids),
				Set.copyOf(ids), listedBefore, () -> this.stats.statsList(sbc, VsxiTable.SUB_STATS)
					.map(result -> result.map(after -> after.rows().stream().map(row -> row.text("id")).collect(Collectors.toSet()))));
	}

	private Mono<GatewayResult<Set<String>>> activeCallKeys(SbcEndpoint sbc) {
		return this.stats.statsList(sbc, VsxiTable.ACTIVE_CALLS)
			.map(result -> result.map(calls -> calls.rows().stream().map(CallIdentity::key).collect(Collectors.toSet())));
	}

}
