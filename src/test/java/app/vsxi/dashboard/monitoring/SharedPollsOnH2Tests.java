package app.vsxi.dashboard.monitoring;

import app.vsxi.dashboard.support.MigratedDatabase;

/** Shared polls on H2. */
class SharedPollsOnH2Tests extends SharedPollsContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.h2();
	}

}
