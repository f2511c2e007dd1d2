package app.vsxi.dashboard.backups;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import app.vsxi.dashboard.gateway.VsxiTable;
import app.vsxi.dashboard.tables.EditableTable;

/** What a backup of an SBC reads: every table the editor can read, then the box's system and hardware files. */
final class Subjects {

	static final List<VsxiTable> FILES = List.of(VsxiTable.SYSTEM_CONFIGURATION, VsxiTable.HARDWARE_CONFIGURATION);

	private Subjects() {
	}

	static List<EditableTable> tables() {
		return Stream.of(EditableTable.values()).filter(EditableTable::readable).toList();
	}

	static List<String> all() {
		return Stream.concat(tables().stream().map(EditableTable::table), FILES.stream().map(VsxiTable::toString))
			.toList();
	}

	static Optional<EditableTable> table(String subject) {
		return EditableTable.named(subject).filter(EditableTable::readable);
	}

	static boolean file(String subject) {
		return FILES.stream().anyMatch(file -> file.toString().equals(subject));
	}

	static boolean known(String subject) {
		return table(subject).isPresent() || file(subject);
	}

}
