package app.vsxi.dashboard.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.Permission;
import app.vsxi.dashboard.fleet.FleetService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The overview rows a user may see: those of the SBCs in their groups. */
@Service
public class OverviewService {

	private final StatusBoard board;

	private final AccessService access;

	private final FleetService fleet;

	private final SnapshotStore store;

	private final OpenAlarms alarms;

	/** What other features note about each SBC (its backups). */
	private final ObjectProvider<SbcNotes> notes;

	public OverviewService(StatusBoard board, AccessService access, FleetService fleet, SnapshotStore store,
			OpenAlarms alarms, ObjectProvider<SbcNotes> notes) {
		this.notes = notes;
		this.store = store;
		this.alarms = alarms;
		this.board = board;
		this.access = access;
		this.fleet = fleet;
	}

	/** The overview of what the user may see, sorted and filtered as asked. */
	@PreAuthorize("isAuthenticated()")
	public FleetView fleet(FleetView.Sort sort, String filter) {
		List<SbcStatus> visible = visibleStatuses();
		// the alarms of the SBCs already found visible: no second look at the user's rights
		Set<Long> ids = new java.util.HashSet<>();
		visible.forEach(status -> ids.add(status.sbcId()));
		Map<Long, List<RaisedAlarm>> open = new java.util.HashMap<>();
		for (RaisedAlarm alarm : this.alarms.openAlarms()) {
			if (ids.contains(alarm.sbcId())) {
				open.computeIfAbsent(alarm.sbcId(), id -> new java.util.ArrayList<>()).add(alarm);
			}
		}
		List<SbcNotes> sources = this.notes.orderedStream().toList();
		return FleetView.counted(visible, this.fleet.groupNames(), this::registrations,
				id -> open.getOrDefault(id, List.of()), id -> SbcNotes.of(sources, id), sort, filter);
	}

	/** Registrations last counted in {@code stats/sub_stats} and when, null if never read. */
	private FleetView.Counted registrations(long sbcId) {
		FeedSnapshot snapshot = this.store.latest(sbcId, Feed.SUB_STATS);
		return snapshot != null && snapshot.document() != null
				? new FleetView.Counted(snapshot.document().rows().size(), snapshot.answeredAt()) : null;
	}

	@PreAuthorize("isAuthenticated()")
	public List<SbcStatus> visibleStatuses() {
		if (this.access.isAdmin()) {
			return this.board.all();
		}
		Set<Long> groups = this.access.groupsWhere(Permission.VIEW);
		return this.board.all().stream().filter(status -> groups.contains(status.groupId())).toList();
	}

}
