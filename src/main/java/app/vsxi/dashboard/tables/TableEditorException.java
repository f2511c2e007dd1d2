package app.vsxi.dashboard.tables;

/** An editor request that cannot be done as asked (unknown draft, a value the table refuses); shown to the operator. */
public class TableEditorException extends RuntimeException {

	public TableEditorException(String message) {
		super(message);
	}

}
