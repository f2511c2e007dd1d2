package app.vsxi.dashboard.tables;

/** An imported file the editor will not take (too many rows, unreadable, nested too deep, bad field names). */
public class ImportRefused extends TableEditorException {

	public ImportRefused(String message) {
		super(message);
	}

}
