package app.vsxi.dashboard.monitoring.alarms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import app.vsxi.dashboard.monitoring.alarms.AlarmService.AlarmRow;
import app.vsxi.dashboard.monitoring.AlarmLevel;

/**
 * What the alarms page is narrowed to: one SBC, one group, one level, one state (each null for any), and whether
 * the alarms are grouped under their SBC.
 */
public record AlarmFilter(Long sbcId, Long groupId, AlarmLevel level, State state, boolean bySbc) {

	/** Where an alarm stands. */
	public enum State {

		UNACKNOWLEDGED("Open, not acknowledged"), ACKNOWLEDGED("Open, acknowledged"), CLEARED("Cleared");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		static State of(Alarm alarm) {
			return !alarm.open() ? CLEARED : alarm.acknowledged() ? ACKNOWLEDGED : UNACKNOWLEDGED;
		}

	}

	/** The alarms of one SBC, as the page groups them. */
	public record Section(String sbcName, List<AlarmRow> rows) {
	}

	public static AlarmFilter none() {
		return new AlarmFilter(null, null, null, null, false);
	}

	/** The filter as a request gives it; anything unknown or blank means any. */
	public static AlarmFilter of(String sbc, String group, String level, String state, String by) {
		return new AlarmFilter(number(sbc), number(group), named(AlarmLevel.class, level), named(State.class, state),
				"sbc".equalsIgnoreCase(by));
	}

	public boolean test(AlarmRow row) {
		Alarm alarm = row.alarm();
		return (this.sbcId == null || this.sbcId == alarm.sbcId())
				&& (this.groupId == null || this.groupId.equals(row.groupId()))
				&& (this.level == null || this.level == alarm.level())
				&& (this.state == null || this.state == State.of(alarm));
	}

	/** The rows that pass, in their order, or by SBC name when grouped (a stable sort keeps worst first within). */
	public List<AlarmRow> apply(List<AlarmRow> rows) {
		List<AlarmRow> kept = new ArrayList<>(rows.stream().filter(this::test).toList());
		if (this.bySbc) {
			kept.sort(Comparator.comparing(AlarmRow::sbcName, String.CASE_INSENSITIVE_ORDER));
		}
		return kept;
	}

	/** Rows passed through {@link #apply}, under a heading per SBC when grouped, else in one section without one. */
	public List<Section> sections(List<AlarmRow> rows) {
		if (!this.bySbc) {
			return rows.isEmpty() ? List.of() : List.of(new Section(null, rows));
		}
		Map<String, List<AlarmRow>> bySbc = new LinkedHashMap<>();
		for (AlarmRow row : rows) {
			bySbc.computeIfAbsent(row.sbcName(), name -> new ArrayList<>()).add(row);
		}
		return bySbc.entrySet().stream().map(entry -> new Section(entry.getKey(), List.copyOf(entry.getValue())))
			.toList();
	}

	public boolean any() {
		return this.sbcId != null || this.groupId != null || this.level != null || this.state != null;
	}

	private static Long number(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E named(Class<E> type, String name) {
		for (E value : type.getEnumConstants()) {
			if (value.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
				return value;
			}
		}
		return null;
	}

}
