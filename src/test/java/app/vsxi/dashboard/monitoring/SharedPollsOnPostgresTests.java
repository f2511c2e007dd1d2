package app.vsxi.dashboard.monitoring;

import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;

/** Shared polls on PostgreSQL, where the instances really share them. */
@RequiresPostgres
class SharedPollsOnPostgresTests extends SharedPollsContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.postgres();
	}

}
