package app.vsxi.dashboard.tables.engine;

import app.vsxi.dashboard.web.RefusedException;

/** A row key sent back by a form that no page of this table could have sent; shown to the operator. */
public class UnreadableKey extends RefusedException {

	public UnreadableKey() {
		super("Not a row of this table");
	}

}
