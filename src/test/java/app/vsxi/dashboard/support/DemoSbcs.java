package app.vsxi.dashboard.support;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcRepository;

/** The demo fleet's SBCs by name (demo-sbc-1 and -2 in Demo East, demo-sbc-3 in Demo West), as tests look them up. */
public final class DemoSbcs {

	private DemoSbcs() {
	}

	public static Sbc named(FleetService fleet, String name) {
		return fleet.everySbc()
			.stream()
			.filter(sbc -> sbc.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SBC named " + name + " in the fleet"));
	}

	public static long id(FleetService fleet, String name) {
		return named(fleet, name).id();
	}

	public static long id(SbcRepository sbcs, String name) {
		return sbcs.findByName(name).orElseThrow(() -> new AssertionError("no SBC named " + name + " in the fleet")).id();
	}

}
