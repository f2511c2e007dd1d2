package app.vsxi.dashboard.backups;

import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;

/** The history contract on PostgreSQL, the production database. */
@RequiresPostgres
class VersionHistoryOnPostgresTests extends VersionHistoryContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.postgres();
	}

}
