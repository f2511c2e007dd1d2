package app.vsxi.dashboard.support;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;

/**
 * A simulated box for one test on a free port, as admin / admin on 127.0.0.1; a box of a given name carries the
 * same first calls and registrations every run, so a test can name them by hand.
 */
public final class SimulatedBox {

	private SimulatedBox() {
	}

	/** A started box of the older stats generation. */
	public static SimulatedVsxi start(String name) {
		return start(name, StatsGeneration.OLDER);
	}

	public static SimulatedVsxi start(String name, StatsGeneration generation) {
		return new SimulatedVsxi(name, 0, new SimulatorProperties("admin", "admin", "127.0.0.1", generation)).start();
	}

	/** A started box registered in the fleet under its name, in Demo East at Lab A. */
	public static InTheFleet inTheFleet(String name, FleetService fleet) {
		SimulatedVsxi box = start(name);
		long sbcId = fleet.register(name, box.baseUrl(), "admin", "admin", "Lab A", "Demo East",
				box.certificateFingerprint()).id();
		return new InTheFleet(box, sbcId, fleet);
	}

	/** A box of a test's own in the fleet, taken out again by {@link #stop()}. */
	public record InTheFleet(SimulatedVsxi box, long sbcId, FleetService fleet) {

		/** Out of the fleet first, so that no poll finds the box gone. */
		public void stop() {
			this.fleet.delete(this.sbcId);
			this.box.stop();
		}

	}

}
