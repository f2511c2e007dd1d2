package app.vsxi.dashboard.audit;

/** What an audit event records. Stored by name: rename a constant only with a migration of the old rows. */
public enum AuditAction {

	LOGIN, ACCOUNT_LOCKED, ACCESS_DENIED, PASSWORD_CHANGE,

	USER_CREATE, USER_ENABLE, USER_DISABLE, USER_PASSWORD_RESET, USER_FORCE_PASSWORD_CHANGE, USER_SSO_LINK,

	ADMIN_GRANT, ADMIN_REVOKE, GRANT, REVOKE,

	GROUP_CREATE, GROUP_DELETE,

	SBC_CREATE, SBC_UPDATE, SBC_DELETE, SBC_TRUST_CERTIFICATE

}
