package app.vsxi.dashboard.gateway;

import java.util.List;

/**
 * A whole table as the box sends it, e.g. root {@code DigitTranslationList} with items {@code DigitTrans}. The
 * element names travel with the rows, so an edited table is written back under the names it came with.
 */
public record TableDocument(String root, String item, List<TableRow> rows) {

	public TableDocument {
		rows = List.copyOf(rows);
	}

	public TableDocument(ElementNames names, List<TableRow> rows) {
		this(names.root(), names.item(), rows);
	}

	public ElementNames names() {
		return new ElementNames(this.root, this.item);
	}

	/** The same element names with other entries, e.g. the edited ones. */
	public TableDocument with(List<TableRow> entries) {
		return new TableDocument(this.root, this.item, entries);
	}

}
