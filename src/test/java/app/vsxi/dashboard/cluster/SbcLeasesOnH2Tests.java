package app.vsxi.dashboard.cluster;

import app.vsxi.dashboard.support.MigratedDatabase;

/** The lease contract on H2, the demo's database. */
class SbcLeasesOnH2Tests extends SbcLeasesContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.h2();
	}

}
