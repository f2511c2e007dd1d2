package app.vsxi.dashboard.approvals;

import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.RequiresPostgres;

@RequiresPostgres
class ApprovalStoreOnPostgresTests extends ApprovalStoreContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.postgres();
	}

}
