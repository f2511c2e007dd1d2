package app.vsxi.dashboard.calls;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The kill format chosen for each SBC; CSV where none was chosen. */
@Component
class KillFormatSettings {

	private final JdbcTemplate jdbc;

	KillFormatSettings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	KillFormat of(long sbcId) {
		return this.jdbc.query("SELECT kill_format FROM call_kill_setting WHERE sbc_id = ?",
				(rs, i) -> KillFormat.valueOf(rs.getString(1)), sbcId).stream().findFirst().orElse(KillFormat.CSV);
	}

	@Transactional
	void set(long sbcId, KillFormat format) {
		if (this.jdbc.update("UPDATE call_kill_setting SET kill_format = ? WHERE sbc_id = ?", format.name(), sbcId) == 0) {
			this.jdbc.update("INSERT INTO call_kill_setting (sbc_id, kill_format) VALUES (?, ?)", sbcId, format.name());
		}
	}

}
