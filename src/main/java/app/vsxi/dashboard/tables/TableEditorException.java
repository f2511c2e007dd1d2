package app.vsxi.dashboard.tables;

import app.vsxi.dashboard.web.RefusedException;

/** An editor request that cannot be done as asked (unknown draft, a value the table refuses); shown to the operator. */
public class TableEditorException extends RefusedException {

	public TableEditorException(String message) {
		super(message);
	}

}
