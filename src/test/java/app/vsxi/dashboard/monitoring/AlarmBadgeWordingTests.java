package app.vsxi.dashboard.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.monitoring.alarms.AlarmBoard;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The overview's alarm badge says how many alarms an SBC has and which level is the worst: two alarms, one of them
 * critical, never read as "2 Critical". The poller is ticked by hand (tick=1h), so the statuses put here stay.
 */
@SpringBootTest(properties = { "vsxi.monitoring.tick=1h", "vsxi.gateway.read-timeout=1s" })
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class AlarmBadgeWordingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	StatusBoard board;

	@Autowired
	AlarmBoard alarms;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	CredentialCipher cipher;

	@Test
	void twoAlarmsOfWhichOneIsCriticalReadAsTwoAlarmsWorstCritical() throws Exception {
		long id = upSbc("badge-two");
		alarm(id, "CPU", "", "WARNING", 85.0, 80.0);
		alarm(id, "TRUNK_ASR", "7", "CRITICAL", 20.0, 30.0);

		assertThat(text(alarmsCell(overviewRow(id)))).isEqualTo("2 alarms, worst Critical");
	}

	@Test
	void threeWarningsReadAsThreeAlarmsWorstWarning() throws Exception {
		long id = upSbc("badge-three");
		alarm(id, "CPU", "", "WARNING", 85.0, 80.0);
		alarm(id, "TRUNK_ASR", "7", "WARNING", 35.0, 40.0);
		alarm(id, "TRUNK_ASR", "8", "WARNING", 36.0, 40.0);

		assertThat(text(alarmsCell(overviewRow(id)))).isEqualTo("3 alarms, worst Warning");
	}

	@Test
	void oneAlarmReadsAsOneOfItsLevel() throws Exception {
		long id = upSbc("badge-one");
		alarm(id, "CPU", "", "CRITICAL", 95.0, 90.0);

		assertThat(text(alarmsCell(overviewRow(id)))).isEqualTo("1 Critical");
	}

	private long upSbc(String name) {
		FleetFixtures fixtures = new FleetFixtures(this.groups, this.sbcs, this.grants, this.cipher);
		long group = fixtures.group("Badge test");
		long id = fixtures.sbc(name, group);
		Instant now = Instant.now();
		SbcStatus status = new SbcStatus(id, name, "Lab C", group, SbcStatus.State.UP, null,
				new RealtimeStats(12, 5000, 300, 19750, 1, 10000, 90, "active", Map.of()), null, now, now, now, 0, null);
		this.board.update(id, status, before -> status);
		return id;
	}

	/** One open alarm; the board keeps one per metric and subject, so each here has its own. */
	private void alarm(long sbcId, String metric, String subject, String level, double reading, double threshold) {
		this.jdbc.update("INSERT INTO alarm (sbc_id, metric, subject, level, reading, threshold, raised_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)", sbcId, metric, subject, level, reading, threshold,
				Timestamp.from(Instant.now()));
		this.alarms.reload();
	}

	private String overviewRow(long id) throws Exception {
		String rows = this.mvc.perform(get("/overview/rows").with(user(this.users.loadUserByUsername("admin"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int at = rows.indexOf("id=\"sbc-" + id + "\"");
		assertThat(at).as("row of SBC " + id).isNotNegative();
		return rows.substring(at, rows.indexOf("</tr>", at));
	}

	private static String alarmsCell(String row) {
		int at = row.indexOf("<td class=\"alarms\"");
		assertThat(at).as(row).isNotNegative();
		return row.substring(at, row.indexOf("</td>", at) + 5);
	}

	/** The text a reader gets: tags dropped, white space as one space. */
	private static String text(String html) {
		return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
	}

}
