package app.vsxi.dashboard.calls;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;

import org.springframework.stereotype.Component;

/**
 * Which SBCs are Load-Balance slaves, from the fleet's HA pairing as the table editor reads it: a slave refuses
 * every write, so its pages offer none and its kills and deletes are refused before anything is sent.
 */
@Component
class Slaves {

	private final FleetService fleet;

	private final AccessService access;

	Slaves(FleetService fleet, AccessService access) {
		this.fleet = fleet;
		this.access = access;
	}

	/** The master to go to instead, or null for an SBC that is no slave. The caller may view {@code sbc}. */
	SlaveOf of(Sbc sbc) {
		Long masterId = sbc.haMasterId();
		if (masterId == null) {
			return null;
		}
		// the fleet names the master whoever looks; a link only for those who may open it
		String name = this.fleet.endpoint(sbc).masterName();
		return new SlaveOf(name, name != null && this.access.canOnSbc("VIEW", masterId) ? masterId : null);
	}

}
