package app.vsxi.dashboard.tables.engine;

import app.vsxi.dashboard.gateway.VsxiAction;

/** The VSXi actions that change a table; their URL name and method come from the gateway's catalog. */
public enum WriteAction {

	UPDATE, DELETE, UPLOAD, UPDATE_LARGE, DELETE_LARGE, REPLACE_LARGE;

	public String path() {
		return catalog().path();
	}

	/** The same action in the gateway's catalog. */
	public VsxiAction catalog() {
		return VsxiAction.valueOf(name());
	}

	/** Zipped, without a size limit; a bad entry is dropped (answer 300) instead of refusing the whole call. */
	public boolean large() {
		return catalog().large();
	}

	/** Removes the entries it carries. */
	public boolean deletes() {
		return this == DELETE || this == DELETE_LARGE;
	}

	/** Plain actions replace nothing on failure, so whole-table replacement needs an explicit choice. */
	public boolean replaces() {
		return this == UPLOAD || this == REPLACE_LARGE;
	}

}
