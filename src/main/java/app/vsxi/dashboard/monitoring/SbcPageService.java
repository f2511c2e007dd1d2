package app.vsxi.dashboard.monitoring;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The per-SBC page: for those who may view the SBC's group. */
@Service
public class SbcPageService {

	private final FleetService fleet;

	private final StatusBoard board;

	private final AccessService access;

	private final StateHistory history;

	private final SnapshotStore store;

	private final Clock clock;

	/** What other features note about the SBC (its backups). */
	private final ObjectProvider<SbcNotes> notes;

	public SbcPageService(FleetService fleet, StatusBoard board, AccessService access, StateHistory history,
			SnapshotStore store, Clock clock, ObjectProvider<SbcNotes> notes) {
		this.notes = notes;
		this.clock = clock;
		this.store = store;
		this.fleet = fleet;
		this.board = board;
		this.access = access;
		this.history = history;
	}

	@PreAuthorize("@access.canOnSbc('VIEW', #id)")
	public SbcPage page(long id) {
		Sbc sbc = this.fleet.get(id);
		SbcStatus status = this.board.get(id);
		return new SbcPage(sbc, this.fleet.groupNames().get(sbc.groupId()),
				status != null ? status : SbcStatus.waiting(sbc), this.access.canOnSbc("ADMINISTER", id),
				this.history.of(id), SbcNotes.of(this.notes.orderedStream().toList(), id));
	}

	/**
	 * One endpoint's panel, from the store; showing it counts as watching it, which keeps a heavy endpoint read.
	 */
	@PreAuthorize("@access.canOnSbc('VIEW', #id)")
	public MonitorPanels.Panel panel(long id, Feed feed, String sort, boolean descending) {
		this.fleet.get(id);
		this.store.watch(id, feed, this.clock.instant());
		return MonitorPanels.panel(this.store, id, feed, sort, descending);
	}

	/** Every endpoint's panel, in the order of {@link Feed}; all count as watched. */
	@PreAuthorize("@access.canOnSbc('VIEW', #id)")
	public List<MonitorPanels.Panel> panels(long id) {
		this.fleet.get(id);
		return Arrays.stream(Feed.values()).map(feed -> {
			this.store.watch(id, feed, this.clock.instant());
			return MonitorPanels.panel(this.store, id, feed, null, false);
		}).toList();
	}

	/** Sparklines of the kept history. */
	@PreAuthorize("@access.canOnSbc('VIEW', #id)")
	public List<MonitorPanels.Sparkline> trends(long id) {
		this.fleet.get(id);
		return MonitorPanels.sparklines(this.store, id);
	}

}
