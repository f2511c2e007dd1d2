package app.vsxi.dashboard.monitoring;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.support.DemoSbcs;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One rendering of the overview's rows or the wallboard's tiles serves every viewer with the same rights, sort and
 * filter; no one else.
 */
@SpringBootTest(properties = "vsxi.monitoring.overview-shared-for=1h")
@AutoConfigureMockMvc
@ActiveProfiles({ "demo", "test" })
@ResourceLock(providers = SameApplication.class)
class SharedFleetFragmentsTests {

	@Autowired
	MockMvc mvc;

	@MockitoSpyBean
	OverviewService overview;

	@Autowired
	FleetService fleet;

	@Autowired
	UserDetailsService details;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	@Test
	void viewersWithTheSameRightsShareARenderingAndOthersGetTheirOwn() throws Exception {
		UserDetails admin = this.details.loadUserByUsername("admin");
		Sbc east = sbc("demo-sbc-1");
		Sbc west = sbc("demo-sbc-3");
		UserDetails viewer = viewerOf(east);
		clearInvocations(this.overview);

		String first = rows(admin, "");
		String second = rows(admin, "");
		verify(this.overview, times(1)).fleet(any(), any());
		assertThat(second).isEqualTo(first).contains("demo-sbc-1").contains("demo-sbc-3");

		String theirs = rows(viewer, "");
		verify(this.overview, times(2)).fleet(any(), any());
		assertThat(theirs).contains(east.name()).doesNotContain(west.name());

		rows(admin, "name");
		rows(viewer, "");
		verify(this.overview, times(3)).fleet(any(), any());
	}

	@Test
	void wallboardViewersWithTheSameRightsShareTheTilesAndNeverGetTheOverviewsRows() throws Exception {
		UserDetails admin = this.details.loadUserByUsername("admin");
		Sbc east = sbc("demo-sbc-1");
		Sbc west = sbc("demo-sbc-3");
		UserDetails viewer = viewerOf(east);
		clearInvocations(this.overview);

		String first = fetch(admin, "/wallboard/tiles");
		String second = fetch(admin, "/wallboard/tiles");
		verify(this.overview, times(1)).fleet(any(), any());
		assertThat(second).isEqualTo(first).contains("id=\"wall\"").contains("data-sbc=");

		String theirs = fetch(viewer, "/wallboard/tiles");
		verify(this.overview, times(2)).fleet(any(), any());
		assertThat(theirs).contains(east.name()).doesNotContain(west.name());

		// a sort the other test does not ask for: renderings are kept for the whole application
		String rows = fetch(admin, "/overview/rows?sort=site");
		verify(this.overview, times(3)).fleet(any(), any());
		assertThat(rows).contains("id=\"fleet\"").doesNotContain("id=\"wall\"");
	}

	@Test
	void aBrowserThatAcceptsGzipGetsTheSameRenderingZippedAndOneThatRefusesItGetsItPlain() throws Exception {
		UserDetails admin = this.details.loadUserByUsername("admin");
		clearInvocations(this.overview);
		String plain = rows(admin, "wallboard-order");

		var zipped = this.mvc.perform(get("/overview/rows").param("sort", "wallboard-order").with(user(admin))
			.header("Accept-Encoding", "gzip, deflate, br")).andExpect(status().isOk()).andReturn().getResponse();
		var refused = this.mvc.perform(get("/overview/rows").param("sort", "wallboard-order").with(user(admin))
			.header("Accept-Encoding", "br, gzip;q=0")).andExpect(status().isOk()).andReturn().getResponse();

		verify(this.overview, times(1)).fleet(any(), any());
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(zipped.getHeaders("Vary")).contains("Accept-Encoding");
		byte[] unzipped = new java.util.zip.GZIPInputStream(
				new java.io.ByteArrayInputStream(zipped.getContentAsByteArray())).readAllBytes();
		assertThat(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(plain)
			.contains("demo-sbc-2");
		assertThat(zipped.getContentAsByteArray().length).isLessThan(plain.length());
		assertThat(refused.getHeader("Content-Encoding")).isNull();
		assertThat(refused.getContentAsString()).isEqualTo(plain);
	}

	private String fetch(UserDetails who, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private String rows(UserDetails who, String sort) throws Exception {
		var request = get("/overview/rows").with(user(who));
		if (!sort.isEmpty()) {
			request = request.param("sort", sort);
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private UserDetails viewerOf(Sbc sbc) {
		String name = "shared-viewer-" + System.nanoTime();
		testUsers().user(name, sbc.groupId(), Role.VIEWER);
		return this.details.loadUserByUsername(name);
	}

	private Sbc sbc(String name) {
		return DemoSbcs.named(this.fleet, name);
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
