package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.monitoring.FleetPoller;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The overview lists what the poller reports, so its scope is checked on SBCs committed for the poller to see
 * (and removed afterwards): each non-administrator sees exactly the SBCs of their groups, on the page and in its
 * refreshed rows. The poll is triggered by hand, nothing is waited for.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ResourceLock(providers = SameApplication.class)
class OverviewScopeTests {

	@Autowired
	MockMvc mvc;

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
	DatabaseUserDetailsService userDetails;

	@Autowired
	FleetPoller poller;

	private final List<Runnable> cleanUp = new ArrayList<>();

	@AfterEach
	void removeWhatWasCreated() {
		for (int i = this.cleanUp.size() - 1; i >= 0; i--) {
			this.cleanUp.get(i).run();
		}
		this.poller.tick();
	}

	@Test
	void eachUserSeesExactlyTheSbcsOfTheirGroups() throws Exception {
		String run = Long.toString(System.nanoTime(), 36);
		Map<String, Long> groupIds = new LinkedHashMap<>();
		for (String group : List.of("a", "b", "c")) {
			SbcGroup saved = this.groups.save(new SbcGroup(null, "Scope " + group + " " + run, null, Instant.now()));
			this.cleanUp.add(() -> this.groups.deleteById(saved.id()));
			groupIds.put(group, saved.id());
			Sbc sbc = this.sbcs.save(Sbc.builder()
				.name(name(group, run))
				.baseUrl("https://127.0.0.1:1")
				.username("api")
				.passwordCipher(this.cipher.encrypt("pw"))
				.groupId(saved.id())
				.build());
			this.cleanUp.add(() -> this.sbcs.deleteById(sbc.id()));
		}
		Map<String, List<String>> seeing = new LinkedHashMap<>();
		seeing.put("viewer-a", List.of("a"));
		seeing.put("operator-b", List.of("b"));
		seeing.put("admin-b-viewer-c", List.of("b", "c"));
		Map<String, DashboardUser> principals = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> who : seeing.entrySet()) {
			AppUser saved = testUsers().user("scope-" + who.getKey() + "-" + run);
			this.cleanUp.add(() -> this.users.deleteById(saved.id()));
			for (String group : who.getValue()) {
				Role role = who.getKey().startsWith("operator") ? Role.OPERATOR
						: who.getKey().startsWith("admin") && group.equals("b") ? Role.GROUP_ADMIN : Role.VIEWER;
				UserGrant grant = testUsers().grant(saved.id(), groupIds.get(group), role);
				this.cleanUp.add(() -> this.grants.deleteById(grant.id()));
			}
			principals.put(who.getKey(), this.userDetails.loadUserByUsername(saved.username()));
		}

		this.poller.tick();

		for (Map.Entry<String, List<String>> who : seeing.entrySet()) {
			List<String> shown = who.getValue().stream().map(group -> name(group, run)).toList();
			List<String> pages = new ArrayList<>(List.of("/overview", "/overview/rows"));
			if (who.getKey().startsWith("admin")) {
				pages.add("/admin/sbcs");
			}
			for (String page : pages) {
				// the administration list shows the SBCs the user administers: those of the group they manage
				List<String> expected = page.equals("/admin/sbcs") ? List.of(name("b", run)) : shown;
				List<String> unexpected = new ArrayList<>(List.of(name("a", run), name("b", run), name("c", run)));
				unexpected.removeAll(expected);
				MockHttpServletResponse response = this.mvc.perform(get(page).with(user(principals.get(who.getKey()))))
					.andReturn()
					.getResponse();
				assertThat(response.getStatus()).as("%s as %s", page, who.getKey()).isEqualTo(200);
				assertThat(response.getContentAsString()).as("%s as %s", page, who.getKey())
					.contains(expected)
					.doesNotContain(unexpected);
			}
		}
	}

	private static String name(String group, String run) {
		return "scope-sbc-" + group + "-" + run;
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
