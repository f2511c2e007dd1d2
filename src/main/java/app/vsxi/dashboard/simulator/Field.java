package app.vsxi.dashboard.simulator;

import java.util.List;

/**
 * One element of a table entry: text, a number, a nested group of fields or a repeated group (a repeated element
 * in XML, an array in JSON).
 */
record Field(String name, Kind kind, List<Field> children) {

	static Field text(String name) {
		return new Field(name, Kind.TEXT, List.of());
	}

	static Field number(String name) {
		return new Field(name, Kind.NUMBER, List.of());
	}

	static Field group(String name, List<Field> children) {
		return new Field(name, Kind.GROUP, children);
	}

	static Field repeated(String name, List<Field> children) {
		return new Field(name, Kind.REPEATED, children);
	}

	enum Kind {

		TEXT, NUMBER, GROUP, REPEATED

	}

}
