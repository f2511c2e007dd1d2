package app.vsxi.dashboard.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/** Searching the audit trail, within the viewer's scope, on the page and as CSV. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Transactional
@ResourceLock(providers = SameApplication.class)
class AuditLogTests {

	@Autowired
	AuditLog audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AppUserRepository users;

	@BeforeEach
	void events() {
		this.users.save(AppUser.create("dave", "$2a$12$x", false, false));
		this.audit.recordAs("alice", AuditAction.SBC_UPDATE, "nyc-1", 11L, AuditOutcome.SUCCESS, "site: A → B");
		this.audit.recordAs("bob", AuditAction.SBC_DELETE, "lon-1", 22L, AuditOutcome.SUCCESS, null);
		this.audit.recordAs("carol", AuditAction.LOGIN, "carol", null, AuditOutcome.FAILED, "BadCredentials");
	}

	@Test
	void aViewerSeesTheirGroupsEventsAndTheirOwnOnly() {
		List<AuditEvent> seen = this.audit.search(AuditQuery.everything(), AuditScopes.of(Set.of(11L), "carol"), 100);

		assertThat(seen).extracting(AuditEvent::target).contains("nyc-1", "carol").doesNotContain("lon-1");
	}

	@Test
	void aViewerWithoutGroupsSeesOnlyTheirOwnEvents() {
		assertThat(this.audit.search(AuditQuery.everything(), AuditScopes.of(Set.of(), "bob"), 100))
			.extracting(AuditEvent::actor)
			.containsOnly("bob");
	}

	@Test
	void filtersCombine() {
		AuditQuery query = new AuditQuery("site", null, "SBC_UPDATE", AuditOutcome.SUCCESS,
				LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC));

		assertThat(this.audit.search(query, AuditScopes.everything(), 100)).extracting(AuditEvent::actor).containsExactly("alice");
		assertThat(this.audit.search(new AuditQuery(null, null, null, null, LocalDate.now(ZoneOffset.UTC).plusDays(1),
				null), AuditScopes.everything(), 100)).isEmpty();
	}

	@Test
	void theActionFilterMatchesAPrefixInAnyCase() {
		assertThat(this.audit.search(new AuditQuery(null, null, "sbc", null, null, null), AuditScopes.everything(), 100))
			.extracting(AuditEvent::action)
			.contains("SBC_UPDATE", "SBC_DELETE")
			.doesNotContain("LOGIN");
	}

	@Test
	void theNewestComeFirstAndTheLimitHolds() {
		List<AuditEvent> two = this.audit.search(AuditQuery.everything(), AuditScopes.everything(), 2);

		assertThat(two).hasSize(2);
		assertThat(two.get(0).at()).isAfterOrEqualTo(two.get(1).at());
	}

	@Test
	@WithUserDetails(value = "dave", setupBefore = TestExecutionEvent.TEST_EXECUTION)
	void thePageAndTheCsvShowOnlyWhatTheViewerMaySee() throws Exception {
		this.audit.recordAs("dave", AuditAction.PASSWORD_CHANGE, "dave", null, AuditOutcome.SUCCESS, null);

		this.mvc.perform(get("/audit"))
			.andExpect(content().string(containsString("PASSWORD_CHANGE")))
			.andExpect(content().string(not(containsString("nyc-1"))));
		this.mvc.perform(get("/audit.csv").param("action", "PASSWORD_CHANGE"))
			.andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
			.andExpect(content().string(containsString(",dave,")))
			.andExpect(content().string(not(containsString("alice"))));
	}

	@Test
	void eventsCannotBeRewrittenThroughTheApplication() {
		// AuditLog offers no update or delete; on PostgreSQL a trigger also refuses them (see the PostgreSQL test)
		assertThat(AuditLog.class.getMethods()).extracting(java.lang.reflect.Method::getName)
			.doesNotContain("update", "delete", "remove", "save");
	}


}
