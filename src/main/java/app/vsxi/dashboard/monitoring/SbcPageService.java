package app.vsxi.dashboard.monitoring;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The per-SBC page: for those who may view the SBC's group. */
@Service
public class SbcPageService {

	private final FleetService fleet;

	private final StatusBoard board;

	private final AccessService access;

	private final StateHistory history;

	public SbcPageService(FleetService fleet, StatusBoard board, AccessService access, StateHistory history) {
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
				this.history.of(id));
	}

}
