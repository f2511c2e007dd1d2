package app.vsxi.dashboard.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Mono;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The active calls of one SBC, and of every SBC a user may see, searched, sorted and paged. */
@Service
public class ActiveCallsService {

	/** Calls shown per SBC in the fleet-wide search; the SBC's own page has the rest. */
	static final int FLEET_ROWS = 20;

	private final FleetService fleet;

	private final BoxReads reads;

	private final CallsProperties properties;

	private final Slaves slaves;

	public ActiveCallsService(FleetService fleet, BoxReads reads, CallsProperties properties, Slaves slaves) {
		this.fleet = fleet;
		this.reads = reads;
		this.properties = properties;
		this.slaves = slaves;
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public CallsPage page(long sbcId, CallSearch search) {
		Sbc sbc = this.fleet.get(sbcId);
		return read(sbc, search, this.properties.pageSize(), null, false, this.slaves.of(sbc));
	}

	/**
	 * The page as the box lists the calls now, read after a kill whatever others share: the list shown under a
	 * kill's result must not hold a call the result says is gone.
	 */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public CallsPage pageAfterKill(long sbcId, CallSearch search) {
		Sbc sbc = this.fleet.get(sbcId);
		return read(sbc, search, this.properties.pageSize(), null, true, this.slaves.of(sbc));
	}

	/** The SBCs the fleet-wide search runs on. */
	@PreAuthorize("isAuthenticated()")
	public List<Sbc> fleetSbcs() {
		return this.fleet.visible();
	}

	/** One SBC's part of the fleet-wide search; an SBC that does not answer in time is marked, not waited for. */
	@PreAuthorize("@access.canOnSbc('VIEW', #sbcId)")
	public CallsPage fleetPart(long sbcId, CallSearch search) {
		return read(this.fleet.get(sbcId), search.onPage(1), FLEET_ROWS, this.properties.fleetWait(), false, null);
	}

	private CallsPage read(Sbc sbc, CallSearch search, int pageSize, Duration wait, boolean now, SlaveOf slaveOf) {
		String condition = search.boxCondition();
		String source = condition == null ? "stats/active_calls" : "query/active_calls?queryString=" + condition;
		if (search.problem() != null) {
			return CallsPage.failed(sbc.id(), sbc.name(), source, search.problem(), slaveOf);
		}
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		Mono<GatewayResult<TableDocument>> answer = now ? this.reads.activeCallsNow(endpoint, condition)
				: this.reads.activeCalls(endpoint, condition);
		GatewayResult<TableDocument> result = wait == null ? answer.block() : answer.timeout(wait, Mono.empty()).block();
		if (result == null) {
			return CallsPage.failed(sbc.id(), sbc.name(), source,
					"Slow: no answer within " + wait.toSeconds() + " s. The other SBCs were not held up by it.", slaveOf);
		}
		return result.fold(listed -> page(sbc, search, pageSize, source, listed.rows(), slaveOf),
				error -> CallsPage.failed(sbc.id(), sbc.name(), source, error.message(), slaveOf));
	}

	private static CallsPage page(Sbc sbc, CallSearch search, int pageSize, String source, List<TableRow> all,
			SlaveOf slaveOf) {
		List<TableRow> matching = all.stream().filter(search.matcher()).toList();
		List<TableRow> sorted = TableView.sorted(matching, search.sort(), search.descending());
		int pages = TableView.pages(sorted.size(), pageSize);
		int page = Math.min(search.pageNumber(), pages);
		return new CallsPage(sbc.id(), sbc.name(), TableView.columns(all), TableView.page(sorted, page, pageSize),
				all.size(), matching.size(), page, pages, source, null, Instant.now(), slaveOf);
	}

}
