package app.vsxi.dashboard.backups;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;

import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.tables.EditableTable;
import app.vsxi.dashboard.tables.SecretsMasked;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.web.RefusedException;

/**
 * Searches the latest backup of one table on every SBC the user may see, by a field's value ("which SBCs route
 * DNIS prefix 1212", "which hold a resource with this IP"). Secret fields are never searched nor shown. The rows
 * are read as kept, without asking any box: a fleet of backups answers in the time it takes to unpack them.
 */
@Service
public class BackupSearch {

	/** How a field's value is matched, case ignored. */
	public enum Match {
		CONTAINS, EQUALS, STARTS_WITH
	}

	/** One matching row of one SBC's latest backup. */
	public record Hit(Sbc sbc, long versionId, Instant backedUpAt, String key, String field, String value) {
	}

	/**
	 * @param searched SBCs whose latest backup of the table was searched
	 * @param without SBCs the user may see with no backup of the table yet
	 * @param cut whether more rows matched than are listed
	 */
	public record Results(String table, String field, String value, Match match, List<Hit> hits, int searched,
			int without, boolean cut, long millis) {

		/** "1 SBC's", "3 SBCs'": whose backups were searched. */
		public String searchedText() {
			return this.searched == 1 ? "1 SBC's" : this.searched + " SBCs'";
		}

	}

	private final BackupStore store;

	private final VersionReader reader;

	private final FleetService fleet;

	private final BackupsProperties properties;

	BackupSearch(BackupStore store, VersionReader reader, FleetService fleet, BackupsProperties properties) {
		this.store = store;
		this.reader = reader;
		this.fleet = fleet;
		this.properties = properties;
	}

	/** The tables a search can look in. */
	public List<String> tables() {
		return Subjects.tables().stream().map(EditableTable::table).toList();
	}

	/**
	 * @param field the field to look at; blank: any field but the secret ones
	 */
	public Results search(String table, String field, String value, Match match) {
		long started = System.nanoTime();
		EditableTable editable = Subjects.table(table).orElseThrow(() -> new RefusedException("No table " + table));
		String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		if (wanted.isEmpty()) {
			throw new RefusedException("Give a value to search for");
		}
		String column = field == null || field.isBlank() ? null : field.trim();
		if (column != null && SecretsMasked.secret(table, column)) {
			throw new RefusedException(column + " is a secret field: it is never searched");
		}
		Map<Long, Sbc> visible = new java.util.LinkedHashMap<>();
		this.fleet.visible().forEach(sbc -> visible.put(sbc.id(), sbc));
		Predicate<String> matches = text -> {
			if (text == null) {
				return false;
			}
			String lower = text.toLowerCase(Locale.ROOT);
			return switch (match) {
				case CONTAINS -> lower.contains(wanted);
				case EQUALS -> lower.equals(wanted);
				case STARTS_WITH -> lower.startsWith(wanted);
			};
		};
		List<Hit> hits = new ArrayList<>();
		int most = Math.max(1, this.properties.searchHits());
		boolean cut = false;
		Set<Long> searched = new LinkedHashSet<>();
		search: for (BackupStore.Version head : this.store.headsOf(table)) {
			Sbc sbc = visible.get(head.sbcId());
			if (sbc == null) {
				continue;
			}
			searched.add(sbc.id());
			for (TableRow row : this.reader.rows(head, editable).oneByOne()) {
				for (Map.Entry<String, Object> each : row.fields().entrySet()) {
					if (column != null ? !each.getKey().equals(column) : SecretsMasked.secret(table, each.getKey())) {
						continue;
					}
					String text = row.text(each.getKey());
					if (matches.test(text)) {
						if (hits.size() == most) {
							cut = true;
							break search;
						}
						hits.add(new Hit(sbc, head.id(), head.takenAt(), RowKey.of(row, editable.keyFields()).label(),
								each.getKey(), text));
						break;
					}
				}
			}
		}
		int without = (int) visible.keySet().stream().filter(id -> !searched.contains(id)).count();
		return new Results(table, column, value.trim(), match, hits, searched.size(), cut ? 0 : without, cut,
				(System.nanoTime() - started) / 1_000_000);
	}

}
