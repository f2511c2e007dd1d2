package app.vsxi.dashboard.backups;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import app.vsxi.dashboard.fleet.Sbc;

/**
 * How often each SBC is backed up: its own schedule, else its group's, else the fleet's, else the setting
 * {@code vsxi.backups.every} (daily).
 */
@Component
class BackupSchedules {

	/** Where a schedule is set. Stored by name. */
	enum Scope {
		FLEET, GROUP, SBC
	}

	/** Every schedule set, read at once; answers for any SBC. */
	record Set(Map<String, Duration> set, Duration fallback) {

		Duration every(Sbc sbc) {
			Duration own = this.set.get(Scope.SBC + ":" + sbc.id());
			if (own != null) {
				return own;
			}
			Duration group = sbc.groupId() == null ? null : this.set.get(Scope.GROUP + ":" + sbc.groupId());
			if (group != null) {
				return group;
			}
			return this.set.getOrDefault(Scope.FLEET + ":0", this.fallback);
		}

		/** Where the SBC's schedule comes from, for the page. */
		String from(Sbc sbc) {
			if (this.set.containsKey(Scope.SBC + ":" + sbc.id())) {
				return "this SBC";
			}
			if (sbc.groupId() != null && this.set.containsKey(Scope.GROUP + ":" + sbc.groupId())) {
				return "its group";
			}
			return this.set.containsKey(Scope.FLEET + ":0") ? "the fleet" : "the default";
		}

	}

	private final JdbcTemplate jdbc;

	private final BackupsProperties properties;

	BackupSchedules(JdbcTemplate jdbc, BackupsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	Set read() {
		Map<String, Duration> set = new HashMap<>();
		this.jdbc.query("SELECT scope, scope_id, every_secs FROM backup_schedule",
				(java.sql.ResultSet rs) -> {
					set.put(rs.getString(1) + ":" + rs.getLong(2), Duration.ofSeconds(rs.getLong(3)));
				});
		return new Set(set, this.properties.every());
	}

	/** Sets a schedule; null clears it, so the wider one applies. */
	void set(Scope scope, long scopeId, Duration every, String by, Instant at) {
		this.jdbc.update("DELETE FROM backup_schedule WHERE scope = ? AND scope_id = ?", scope.name(), scopeId);
		if (every != null) {
			this.jdbc.update("INSERT INTO backup_schedule (scope, scope_id, every_secs, set_by, set_at) "
					+ "VALUES (?, ?, ?, ?, ?)", scope.name(), scopeId, every.toSeconds(), by, Timestamp.from(at));
		}
	}

}
