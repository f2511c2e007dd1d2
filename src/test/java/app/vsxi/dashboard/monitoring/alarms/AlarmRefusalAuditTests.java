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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Alarm acknowledgements and rule changes the alarm service refuses itself leave exactly one refusal each in the
 * audit trail, as every refusal does. The user administers one group and only views another. Without a test
 * transaction, so the audit trail is read as it stays.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@WithUserDetails(value = AlarmRefusalAuditTests.USER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@ResourceLock(providers = SameApplication.class)
class AlarmRefusalAuditTests {

	static final String USER = "alarm-delegate";

	@Autowired
	AlarmService alarms;

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
	MockMvc mvc;

	@Autowired
	UserDetailsService details;

	private long mine;

	private long theirs;

	private long mySbc;

	private long theirSbc;

	@BeforeEach
	void aGroupAdministratorWhoOnlyViewsAnotherGroup() {
		this.mine = group("Alarm refusals mine");
		this.theirs = group("Alarm refusals theirs");
		this.mySbc = sbc("alarm-refusals-mine", this.mine);
		this.theirSbc = sbc("alarm-refusals-theirs", this.theirs);
		AppUser delegate = this.users.findByUsername(USER)
			.orElseGet(() -> this.users.save(AppUser.create(USER, "$2a$12$x", false, false)));
		grant(delegate, this.mine, Role.GROUP_ADMIN);
		grant(delegate, this.theirs, Role.VIEWER);
	}

	@Test
	void acknowledgingAnAlarmOfAGroupOnlyViewedIsRefusedAndAuditedOnce() {
		long alarm = alarm(this.theirSbc, false);
		int before = refusals().size();

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.alarms.acknowledge(alarm));

		assertOneRefusal(before, "ALARM_ACKNOWLEDGED", "alarm-refusals-theirs CPU");
		assertThat(this.jdbc.queryForObject("SELECT acknowledged_by FROM alarm WHERE id = ?", String.class, alarm)).isNull();
	}

	@Test
	void acknowledgingThroughThePageIsRefusedWithOneAuditedRefusalToo() throws Exception {
		long alarm = alarm(this.theirSbc, false);
		int before = refusals().size();

		this.mvc.perform(post("/alarms/" + alarm + "/acknowledge").with(csrf()).with(user(this.details.loadUserByUsername(USER))))
			.andExpect(status().isForbidden());

		assertOneRefusal(before, "ALARM_ACKNOWLEDGED", "alarm-refusals-theirs CPU");
	}

	@Test
	void acknowledgingAnAlarmThatDoesNotExistIsRefusedAndAuditedOnce() {
		int before = refusals().size();

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.alarms.acknowledge(987_654_321L));

		assertOneRefusal(before, "ALARM_ACKNOWLEDGED", "no such alarm");
	}

	@Test
	void acknowledgingAnAlarmAcknowledgedAlreadyIsAnsweredSoAndAuditedOnce() {
		long alarm = alarm(this.mySbc, true);
		int before = refusals().size();

		assertThat(this.alarms.acknowledge(alarm)).isFalse();

		assertOneRefusal(before, "ALARM_ACKNOWLEDGED", "acknowledged already by someone-else");
	}

	@Test
	void aRuleForAGroupOnlyViewedIsRefusedAndAuditedOnce() {
		int before = refusals().size();

		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.alarms.saveRule(AlarmMetric.CPU, this.theirs, null, 70, 85, 2, true));

		assertOneRefusal(before, "ALARM_RULE_CHANGE", "group #" + this.theirs);
	}

	@Test
	void aFleetWideRuleByAGroupAdministratorIsRefusedAndAuditedOnce() {
		int before = refusals().size();

		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.alarms.saveRule(AlarmMetric.CPU, null, null, 70, 85, 2, true));

		assertOneRefusal(before, "ALARM_RULE_CHANGE", "whole fleet");
	}

	@Test
	void aRuleThatCannotHoldIsRefusedAndAuditedOnce() {
		int before = refusals().size();

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.alarms.saveRule(AlarmMetric.CPU, this.mine, null, 70, 85, 0, true));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.alarms.saveRule(AlarmMetric.CPU, null, this.mySbc, 90, 80, 2, true));

		List<AuditEvent> refusals = refusals();
		assertThat(refusals).hasSize(before + 2);
		assertThat(refusals.get(1).detail()).isEqualTo("group #" + this.mine + ": polls to hold must be between 1 and 100");
		assertThat(refusals.get(0).detail())
			.isEqualTo("SBC #" + this.mySbc + ": the critical threshold must not be below the warning one");
		assertThat(refusals.get(0).groupId()).isEqualTo(this.mine);
	}

	@Test
	void removingARuleOfAGroupOnlyViewedIsRefusedAndAuditedOnce() {
		this.jdbc.update("INSERT INTO alarm_rule (group_id, metric, warning, critical, hold_polls, enabled, changed_by, "
				+ "changed_at) VALUES (?, 'CPU', 70, 85, 2, TRUE, 'test', ?)", this.theirs, Timestamp.from(Instant.now()));
		long rule = this.jdbc.queryForObject("SELECT MAX(id) FROM alarm_rule", Long.class);
		int before = refusals().size();

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.alarms.deleteRule(rule));

		assertOneRefusal(before, "ALARM_RULE_CHANGE", "removing rule #" + rule);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM alarm_rule WHERE id = ?", Integer.class, rule)).isOne();
	}

	@Test
	void removingARuleThatDoesNotExistIsRefusedAndAuditedOnce() {
		int before = refusals().size();

		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.alarms.deleteRule(987_654_321L));

		assertOneRefusal(before, "ALARM_RULE_CHANGE", "rule #987654321");
	}

	/** Exactly one more refusal by the user than before, the newest, of this action and saying this. */
	private void assertOneRefusal(int before, String action, String saying) {
		List<AuditEvent> refusals = refusals();
		assertThat(refusals).hasSize(before + 1);
		assertThat(refusals.get(0).action()).isEqualTo(action);
		assertThat(refusals.get(0).target() + " " + refusals.get(0).detail()).contains(saying);
	}

	private List<AuditEvent> refusals() {
		return this.audit.search(new AuditQuery(null, USER, null, AuditOutcome.DENIED, null, null),
				AuditScopes.everything(), 500);
	}

	private long alarm(long sbcId, boolean acknowledged) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("INSERT INTO alarm (sbc_id, metric, subject, level, raised_at, acknowledged_by, acknowledged_at) "
				+ "VALUES (?, 'CPU', '', 'CRITICAL', ?, ?, ?)", sbcId, now, acknowledged ? "someone-else" : null,
				acknowledged ? now : null);
		return this.jdbc.queryForObject("SELECT MAX(id) FROM alarm", Long.class);
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
