package app.vsxi.dashboard.backups;

import app.vsxi.dashboard.support.MigratedDatabase;

/** The history contract on H2, the demo's database. */
class VersionHistoryOnH2Tests extends VersionHistoryContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.h2();
	}

}
