package app.vsxi.dashboard.monitoring;

import java.util.List;
import java.util.Set;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.Permission;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The overview rows a user may see: those of the SBCs in their groups. */
@Service
public class OverviewService {

	private final StatusBoard board;

	private final AccessService access;

	public OverviewService(StatusBoard board, AccessService access) {
		this.board = board;
		this.access = access;
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
