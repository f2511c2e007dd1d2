package app.vsxi.dashboard.tables;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.SecurityConfiguration;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.web.Plural;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The opening page while a table arrives: its first rows listed as the box sent them, escaped, secrets masked. */
@WebMvcTest(TablesController.class)
@Import({ SecurityConfiguration.class, Plural.class })
@EnableConfigurationProperties(TablesProperties.class)
@ResourceLock(providers = SameApplication.class)
class OpeningPageTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DraftOpening opening;

	@MockitoBean
	DraftEdits edits;

	@MockitoBean
	DraftFiles files;

	@MockitoBean
	TableApplier applier;

	@MockitoBean
	TableOpenings openings;

	@MockitoBean(name = "access")
	AccessService access;

	@MockitoBean
	AppUserRepository users;

	@BeforeEach
	void aRunningDownload() {
		given(this.users.findByUsername("user")).willReturn(Optional.of(AppUser.create("user", "x", false, false)));
		given(this.opening.sbc(5L)).willReturn(Sbc.builder().id(5L).name("nyc-1").baseUrl("https://10.0.0.1:8888")
			.username("api").passwordCipher("x").groupId(1L).build());
	}

	private void arriving(EditableTable table, app.vsxi.dashboard.gateway.TableRow... rows) {
		TableOpenings.Opening running = new TableOpenings.Opening("o-1", "user", 5L, table, Instant.now());
		for (app.vsxi.dashboard.gateway.TableRow each : rows) {
			running.arrived(each);
		}
		given(this.openings.find(5L, "o-1")).willReturn(running);
	}

	@Test
	@WithMockUser
	void theFirstRowsShowWhileTheDownloadRunsEscapedAsText() throws Exception {
		arriving(EditableTable.ROUTE, row("alias", "r1", "digitMatch", "<script>alert(1)</script>"),
				row("alias", "r2", "digitMatch", "1212"));

		this.mvc.perform(get("/sbcs/5/tables/openings/o-1/progress"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("class=\"arriving\""), containsString("The first 2 rows"),
					containsString("<th scope=\"col\">digitMatch</th>"), containsString("<td>1212</td>"),
					containsString("&lt;script&gt;alert(1)&lt;/script&gt;"), not(containsString("<script>alert")))))
			.andExpect(content().string(containsString("Downloading: 2 rows received")));
	}

	@Test
	@WithMockUser
	void aSubscribersPasswordIsShownAsSetNeverAsItIs() throws Exception {
		arriving(EditableTable.SUBSCRIBER,
				row("username", "alice", "userDomain", "example.net", "password", "s3cret-SIP"));

		this.mvc.perform(get("/sbcs/5/tables/openings/o-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<td>alice</td>"), containsString("password set"),
					not(containsString("s3cret-SIP")))));
	}

	@Test
	@WithMockUser
	void beforeAnyRowArrivesThereIsNoTable() throws Exception {
		arriving(EditableTable.ROUTE);

		this.mvc.perform(get("/sbcs/5/tables/openings/o-1/progress"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Downloading: 0 rows received"),
					not(containsString("class=\"arriving\"")))));
	}

}
