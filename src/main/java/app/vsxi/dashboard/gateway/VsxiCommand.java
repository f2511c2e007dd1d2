package app.vsxi.dashboard.gateway;

import java.util.Set;

import org.springframework.http.HttpMethod;

/**
 * One row of the vendor's command table: an action on a table, the formats it takes or gives (for a Large action,
 * of the file inside the zip) and what kind of document travels.
 */
public record VsxiCommand(VsxiAction action, VsxiTable table, Set<Format> formats, Payload payload) {

	public VsxiCommand {
		formats = Set.copyOf(formats);
	}

	/** What travels with a command. */
	public enum Payload {

		/** Table entries under root and item elements (XML, JSON), or a header row and rows (CSV). */
		TABLE,

		/** A database dump ({@code mysqldump/database/table/row/field}) of counters. */
		DUMP,

		/** A zipped file the dashboard keeps as it is (the SDC of a configuration save). */
		FILE,

		/** Plain text lines, whatever {@code format} says. */
		TEXT

	}

	public HttpMethod method() {
		return this.action.method();
	}

	/** {@code action/table}, as in the URL and in the metrics. */
	public String path() {
		return this.action.path() + "/" + this.table.path();
	}

	public boolean supports(Format format) {
		return this.formats.contains(format);
	}

	@Override
	public String toString() {
		return method() + " " + path() + " " + this.formats + " " + this.payload;
	}

}
