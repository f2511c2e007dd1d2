package app.vsxi.dashboard.monitoring.alarms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrant;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.monitoring.FleetFixtures;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alarms page and its bulk acknowledgement, on alarms made by hand: the user administers one group and only
 * views another. Without a test transaction, so the audit trail is read as it stays.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ResourceLock(providers = SameApplication.class)
class AlarmPageTests {

	static final String USER = "alarm-page-operator";

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService details;

	@Autowired
	AlarmBoard board;

	private long mySbc;

	private long theirSbc;

	private long mine;

	private UserDetails operator;

	@BeforeEach
	void aGroupAdministratorWhoOnlyViewsAnotherGroup() {
		this.mine = group("Alarm page mine");
		long theirs = group("Alarm page theirs");
		this.mySbc = sbc("alarm-page-mine", this.mine);
		this.theirSbc = sbc("alarm-page-theirs", theirs);
		AppUser user = this.users.findByUsername(USER)
			.orElseGet(() -> this.users.save(AppUser.create(USER, "$2a$12$x", false, false)));
		grant(user, this.mine, Role.GROUP_ADMIN);
		grant(user, theirs, Role.VIEWER);
		this.operator = this.details.loadUserByUsername(USER);
	}

	@Test
	void acknowledgingThreeAtOnceAuditsEachAndRefusesOneNotTheUsersWithOneAuditedRefusal() throws Exception {
		long first = alarm(this.mySbc, "CRITICAL", 95.0, 90.0);
		long second = alarm(this.mySbc, "WARNING", 85.0, 80.0);
		long third = alarm(this.mySbc, "CRITICAL", 99.0, 90.0);
		long notMine = alarm(this.theirSbc, "CRITICAL", 97.0, 90.0);
		int successesBefore = events(AuditOutcome.SUCCESS).size();
		int refusalsBefore = events(AuditOutcome.DENIED).size();

		this.mvc.perform(post("/alarms/acknowledge").with(csrf()).with(user(this.operator))
			.param("alarmId", String.valueOf(first), String.valueOf(notMine), String.valueOf(second), String.valueOf(third)))
			.andExpect(status().is3xxRedirection());

		List<AuditEvent> successes = events(AuditOutcome.SUCCESS);
		assertThat(successes).hasSize(successesBefore + 3);
		assertThat(successes.subList(0, 3)).allSatisfy(event -> {
			assertThat(event.action()).isEqualTo("ALARM_ACKNOWLEDGED");
			assertThat(event.target()).isEqualTo("alarm-page-mine CPU");
		});
		List<AuditEvent> refusals = events(AuditOutcome.DENIED);
		assertThat(refusals).hasSize(refusalsBefore + 1);
		assertThat(refusals.get(0).target()).isEqualTo("alarm-page-theirs CPU");
		assertThat(acknowledgedBy(first)).isEqualTo(USER);
		assertThat(acknowledgedBy(second)).isEqualTo(USER);
		assertThat(acknowledgedBy(third)).isEqualTo(USER);
		assertThat(acknowledgedBy(notMine)).isNull();
	}

	@Test
	void acknowledgingOnlyAlarmsNotTheUsersAtOnceIsRefused() throws Exception {
		long notMine = alarm(this.theirSbc, "WARNING", 85.0, 80.0);

		this.mvc.perform(post("/alarms/acknowledge").with(csrf()).with(user(this.operator))
			.param("alarmId", String.valueOf(notMine))).andExpect(status().isForbidden());

		assertThat(acknowledgedBy(notMine)).isNull();
	}

	@Test
	void theLevelFilterNarrowsTheListAndTheSbcFilterToo() throws Exception {
		long warning = alarm(this.mySbc, "WARNING", 85.0, 80.0);
		long critical = alarm(this.mySbc, "CRITICAL", 95.0, 90.0);
		long elsewhere = alarm(this.theirSbc, "WARNING", 81.0, 80.0);

		String all = page("/alarms");
		String warnings = page("/alarms?level=warning");
		String theirs = page("/alarms/list?sbc=" + this.theirSbc);

		assertThat(all).contains(marker(warning), marker(critical), marker(elsewhere));
		assertThat(warnings).contains(marker(warning), marker(elsewhere)).doesNotContain(marker(critical));
		assertThat(theirs).contains(marker(elsewhere)).doesNotContain(marker(warning), marker(critical));
	}

	@Test
	void anAlarmLineSaysItsValueAndItsThresholdAndTheUnacknowledgedOnesCanBeTicked() throws Exception {
		long alarm = this.alarmOf(this.mySbc, "TRUNK_ASR", "WARNING", 31.0, 40.0);

		String page = page("/alarms?sbc=" + this.mySbc);

		assertThat(page).contains(marker(alarm)).contains("31 % below 40 %").contains("Acknowledge the ticked alarms")
			.contains("data-confirm=");
	}

	@Test
	void theRulesPageShowsAWholeThresholdWhole() throws Exception {
		String page = page("/alarms/rules");

		assertThat(page).contains(">80 %<").contains(">90 %<").doesNotContain("80.0", "90.0");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path).with(user(this.operator))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private static String marker(long alarm) {
		return "data-alarm=\"" + alarm + "\"";
	}

	private String acknowledgedBy(long alarm) {
		return this.jdbc.queryForObject("SELECT acknowledged_by FROM alarm WHERE id = ?", String.class, alarm);
	}

	private List<AuditEvent> events(AuditOutcome outcome) {
		return this.audit.search(new AuditQuery(null, USER, null, outcome, null, null), AuditScopes.everything(), 500);
	}

	private long alarm(long sbcId, String level, double reading, double threshold) {
		return alarmOf(sbcId, "CPU", level, reading, threshold);
	}

	private long alarmOf(long sbcId, String metric, String level, double reading, double threshold) {
		this.jdbc.update("INSERT INTO alarm (sbc_id, metric, subject, level, reading, threshold, raised_at) "
				+ "VALUES (?, ?, '', ?, ?, ?, ?)", sbcId, metric, level, reading, threshold, Timestamp.from(Instant.now()));
		long id = this.jdbc.queryForObject("SELECT MAX(id) FROM alarm", Long.class);
		this.board.reload();
		return id;
	}

	private long group(String name) {
		return fixtures().group(name);
	}

	private long sbc(String name, long group) {
		return fixtures().sbc(name, group);
	}

	private void grant(AppUser user, long group, Role role) {
		fixtures().grant(user, group, role);
	}

	private FleetFixtures fixtures() {
		return new FleetFixtures(this.groups, this.sbcs, this.grants, this.cipher);
	}

}
