package app.vsxi.dashboard.changes;

import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;

@RequiresPostgres
class ChangeSetStoreOnPostgresTests extends ChangeSetStoreContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.postgres();
	}

}
