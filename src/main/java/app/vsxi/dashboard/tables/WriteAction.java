package app.vsxi.dashboard.tables;

/** The VSXi actions that change a table, by their name in the URL. */
public enum WriteAction {

	UPDATE("update", false), DELETE("delete", false), UPLOAD("upload", false), UPDATE_LARGE("updateLarge", true),
	DELETE_LARGE("deleteLarge", true), REPLACE_LARGE("replaceLarge", true);

	private final String path;

	private final boolean large;

	WriteAction(String path, boolean large) {
		this.path = path;
		this.large = large;
	}

	public String path() {
		return this.path;
	}

	/** The same action in the gateway's catalog. */
	public app.vsxi.dashboard.gateway.VsxiAction catalog() {
		return app.vsxi.dashboard.gateway.VsxiAction.valueOf(name());
	}

	/** Zipped, without a size limit; a bad entry is dropped (answer 300) instead of refusing the whole call. */
	public boolean large() {
		return this.large;
	}

	/** Plain actions replace nothing on failure, so whole-table replacement needs an explicit choice. */
	public boolean replaces() {
		return this == UPLOAD || this == REPLACE_LARGE;
	}

}
