package app.vsxi.dashboard.calls;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.simulator.SimulatedVsxi;
import app.vsxi.dashboard.simulator.SimulatorProperties;
import app.vsxi.dashboard.simulator.StatsGeneration;

/**
 * A simulated box of its own for one test, registered in the fleet under its name: a box of a given name carries
 * the same first calls and registrations every run, so a test can name them by hand.
 */
record BoxInTheFleet(SimulatedVsxi box, long sbcId, FleetService fleet) {

	static BoxInTheFleet start(String name, FleetService fleet) {
		SimulatedVsxi box = new SimulatedVsxi(name, 0,
				new SimulatorProperties("admin", "admin", "127.0.0.1", StatsGeneration.OLDER)).start();
		long sbcId = fleet.register(name, box.baseUrl(), "admin", "admin", "Lab A", "Demo East",
				box.certificateFingerprint()).id();
		return new BoxInTheFleet(box, sbcId, fleet);
	}

	/** Out of the fleet first, so that no poll finds the box gone. */
	void stop() {
		this.fleet.delete(this.sbcId);
		this.box.stop();
	}

}
