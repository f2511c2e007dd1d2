package app.vsxi.dashboard.cluster;

import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;

/** The lease contract on PostgreSQL, where several instances really share one database. */
@RequiresPostgres
class SbcLeasesOnPostgresTests extends SbcLeasesContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.postgres();
	}

}
