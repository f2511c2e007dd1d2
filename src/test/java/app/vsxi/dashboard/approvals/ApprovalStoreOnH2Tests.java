package app.vsxi.dashboard.approvals;

import app.vsxi.dashboard.support.MigratedDatabase;

class ApprovalStoreOnH2Tests extends ApprovalStoreContract {

	@Override
	MigratedDatabase database() {
		return MigratedDatabase.h2();
	}

}
