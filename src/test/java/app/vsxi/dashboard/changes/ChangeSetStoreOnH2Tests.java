package app.vsxi.dashboard.changes;

import app.vsxi.dashboard.support.MigratedDatabase;

class ChangeSetStoreOnH2Tests extends ChangeSetStoreContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.h2();
	}

}
