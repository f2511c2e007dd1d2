package app.vsxi.dashboard.calls;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SlavePairing;

import org.springframework.stereotype.Component;

/**
 * Which SBCs are Load-Balance slaves, as the fleet pairs them, for the calls pages: a slave refuses
 * every write, so its pages offer none and its kills and deletes are refused before anything is sent.
 */
@Component
class Slaves {

	private final SlavePairing pairing;

	private final AccessService access;

	Slaves(SlavePairing pairing, AccessService access) {
		this.pairing = pairing;
		this.access = access;
	}

	/** The master to go to instead, or null for an SBC that is no slave. The caller may view {@code sbc}. */
	SlaveOf of(Sbc sbc) {
		// the fleet names the master whoever looks; a link only for those who may open it
		return this.pairing.masterOf(sbc)
			.map(master -> new SlaveOf(master.name(),
					master.name() != null && this.access.canOnSbc("VIEW", master.id()) ? master.id() : null))
			.orElse(null);
	}

}
