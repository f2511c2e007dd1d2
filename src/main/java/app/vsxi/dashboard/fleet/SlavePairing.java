package app.vsxi.dashboard.fleet;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Which SBCs the fleet pairs as Load-Balance slaves: a slave refuses every write, so nothing may be written to it;
 * its master takes the changes. The one place every feature asks.
 */
@Component
public class SlavePairing {

	private final FleetService fleet;

	public SlavePairing(FleetService fleet) {
		this.fleet = fleet;
	}

	/** Whether nothing may be written to this SBC, because the fleet pairs it as a slave. */
	public boolean isSlave(Sbc sbc) {
		return sbc.haMasterId() != null;
	}

	/** The master to make changes on instead, or empty for an SBC that is no slave. */
	public Optional<Master> masterOf(Sbc sbc) {
		if (!isSlave(sbc)) {
			return Optional.empty();
		}
		return Optional.of(new Master(sbc.haMasterId(), this.fleet.endpoint(sbc).masterName()));
	}

	/** @param name the master's name, or null when the fleet no longer names it */
	public record Master(long id, String name) {
	}

}
