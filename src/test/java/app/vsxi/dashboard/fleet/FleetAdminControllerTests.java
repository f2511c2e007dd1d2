package app.vsxi.dashboard.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.mockito.ArgumentCaptor;

import app.vsxi.dashboard.access.AccessService;
import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.SecurityConfiguration;
import app.vsxi.dashboard.support.SameApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(FleetAdminController.class)
@Import(SecurityConfiguration.class)
@ResourceLock(providers = SameApplication.class)
class FleetAdminControllerTests {

	private static final String CIPHER_TEXT = "1a2b3c4d:c2VhbGVkLXBhc3N3b3JkLXRleHQ=";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FleetService fleet;

	@MockitoBean
	SbcConnections connections;

	@MockitoBean(name = "access")
	AccessService access;

	@MockitoBean
	AppUserRepository users;

	@MockitoBean
	SbcHealth health;

	private final Sbc sbc = Sbc.builder()
		.id(5L)
		.name("nyc-1")
		.baseUrl("https://10.0.0.1:8888")
		.username("api-user")
		.passwordCipher(CIPHER_TEXT)
		.siteLabel("NYC")
		.groupId(1L)
		.build();

	@BeforeEach
	void oneSbc() {
		// the account behind the mock login exists and is enabled
		given(this.users.findByUsername("user")).willReturn(Optional.of(AppUser.create("user", "x", false, false)));
		given(this.fleet.getToAdminister(5L)).willReturn(this.sbc);
		given(this.fleet.assignableGroups()).willReturn(List.of(new SbcGroup(1L, "Default", null, Instant.now())));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void theEditPageShowsTheSbcButNeverItsStoredPassword() throws Exception {
		this.mvc.perform(get("/admin/sbcs/5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("api-user")))
			.andExpect(content().string(containsString("https://10.0.0.1:8888")))
			.andExpect(content().string(not(containsString(CIPHER_TEXT))))
			.andExpect(content().string(not(containsString("c2VhbGVk"))))
			.andExpect(content().string(containsString("leave blank to keep the stored password")));
	}

	@Test
	@WithMockUser(roles = "USER")
	void aRefusalOfTheFleetServiceIsAForbiddenPage() throws Exception {
		given(this.fleet.getToAdminister(5L)).willThrow(new AccessDeniedException("not in your groups"));

		this.mvc.perform(get("/admin/sbcs/5")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/sbcs/5/delete").with(csrf())).andExpect(status().isForbidden());
		verify(this.fleet, never()).delete(5L);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void everyErrorShowsAtOnceAndWhatWasTypedStaysExceptThePassword() throws Exception {
		given(this.fleet.problems(any(), any())).willReturn(List.of(
				new FieldProblem("address", "the VSXi API is served over HTTPS only"),
				new FieldProblem("haMasterId", "choose another SBC of the same group as master")));

		this.mvc.perform(post("/admin/sbcs").with(csrf())
			.param("name", "lab 7!")
			.param("address", "http://10.9.9.9")
			.param("username", "api-typed")
			.param("password", "typed-secret")
			.param("siteLabel", "Lab Seven")
			.param("trust", "CERTIFICATE_AUTHORITY")
			.param("groupId", "1"))
			.andExpect(status().isOk())
			.andExpect(view().name("fleet/form"))
			.andExpect(content().string(containsString("letters, digits, dot, dash and underscore only")))
			.andExpect(content().string(containsString("the VSXi API is served over HTTPS only")))
			.andExpect(content().string(containsString("choose another SBC of the same group as master")))
			.andExpect(content().string(containsString("value=\"lab 7!\"")))
			.andExpect(content().string(containsString("value=\"http://10.9.9.9\"")))
			.andExpect(content().string(containsString("value=\"api-typed\"")))
			.andExpect(content().string(containsString("value=\"Lab Seven\"")))
			.andExpect(content().string(containsString("value=\"CERTIFICATE_AUTHORITY\" selected")))
			.andExpect(content().string(not(containsString("typed-secret"))));
		verify(this.fleet, never()).create(any());
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void eachFieldNamesItsHintAndItsProblemAndIsMarkedInvalidOnlyWithOne() throws Exception {
		given(this.fleet.problems(any(), any()))
			.willReturn(List.of(new FieldProblem("address", "the VSXi API is served over HTTPS only")));

		String page = this.mvc.perform(post("/admin/sbcs").with(csrf())
			.param("name", "nyc-7")
			.param("address", "http://10.9.9.9")
			.param("username", "api")
			.param("groupId", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String address = inputTag(page, "address");
		assertThat(address).contains(" name=\"address\"", " required", " maxlength=\"255\"",
				" aria-describedby=\"address-hint address-error\"", " aria-invalid=\"true\"");
		assertThat(page).contains("<label for=\"address\">Address</label>")
			.contains("<span class=\"hint\" id=\"address-hint\">Host or address; HTTPS port 8888 unless you give another.</span>")
			.contains("<span class=\"error\" id=\"address-error\">the VSXi API is served over HTTPS only</span>");
		String name = inputTag(page, "name");
		assertThat(name).contains(" name=\"name\"", " value=\"nyc-7\"", " placeholder=\"nyc-sbc-1\"")
			.doesNotContain("aria-describedby", "aria-invalid");
		assertThat(inputTag(page, "username")).contains(" autocomplete=\"off\"").doesNotContain("aria-invalid");
		assertThat(inputTag(page, "siteLabel")).contains(" maxlength=\"64\"", " placeholder=\"NYC POP\"")
			.doesNotContain("required");
	}

	private static String inputTag(String page, String id) {
		java.util.regex.Matcher tag = java.util.regex.Pattern.compile("<input\\b[^>]*\\bid=\"" + id + "\"[^>]*>")
			.matcher(page);
		assertThat(tag.find()).as("input " + id).isTrue();
		return tag.group();
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void theFleetListShowsEachSbcsHealthFromThePoller() throws Exception {
		Sbc quiet = this.sbc.toBuilder().id(6L).name("lon-1").build();
		given(this.fleet.administrable()).willReturn(List.of(this.sbc, quiet));
		given(this.health.of(5L)).willReturn(new SbcHealth.Health("down", "Unreachable"));

		this.mvc.perform(get("/admin/sbcs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unreachable")))
			.andExpect(content().string(containsString("class=\"down\"")))
			.andExpect(content().string(containsString("Not polled yet")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anAddedSbcLeadsToItsPageToTestTheConnection() throws Exception {
		given(this.fleet.create(any())).willReturn(this.sbc);

		this.mvc.perform(post("/admin/sbcs").with(csrf())
			.param("name", "nyc-1")
			.param("address", "10.0.0.1")
			.param("username", "api-user")
			.param("password", "pw")
			.param("groupId", "1"))
			.andExpect(redirectedUrl("/admin/sbcs/5"));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void theEditPageOffersTheHaStatusAlarmAndShowsItOffUntilSwitchedOn() throws Exception {
		this.mvc.perform(get("/admin/sbcs/5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Raise the HA alarm when ha_remote_status or ha_local_status is not 0")))
			.andExpect(content().string(containsString("name=\"haStatusAlarm\" value=\"true\">")));
		given(this.fleet.getToAdminister(5L)).willReturn(this.sbc.toBuilder().haStatusAlarm(true).build());

		this.mvc.perform(get("/admin/sbcs/5"))
			.andExpect(content().string(containsString("name=\"haStatusAlarm\" value=\"true\" checked=\"checked\">")));
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void theHaStatusAlarmIsSavedAsTickedAndOffWhenLeftEmpty() throws Exception {
		given(this.fleet.update(eq(5L), any())).willReturn(this.sbc);
		ArgumentCaptor<SbcForm> saved = ArgumentCaptor.forClass(SbcForm.class);

		this.mvc.perform(post("/admin/sbcs/5").with(csrf()).param("name", "nyc-1").param("address", "10.0.0.1")
			.param("username", "api-user").param("groupId", "1").param("haStatusAlarm", "true")
			.param("_haStatusAlarm", "on"));
		this.mvc.perform(post("/admin/sbcs/5").with(csrf()).param("name", "nyc-1").param("address", "10.0.0.1")
			.param("username", "api-user").param("groupId", "1").param("_haStatusAlarm", "on"));

		verify(this.fleet, times(2)).update(eq(5L), saved.capture());
		assertThat(saved.getAllValues()).extracting(SbcForm::isHaStatusAlarm).containsExactly(true, false);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void aChangeWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/admin/sbcs/5/delete")).andExpect(status().isForbidden());
		verify(this.fleet, never()).delete(5L);
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void anUnconfirmedCertificateIsShownWithItsFingerprintToTrust() throws Exception {
		given(this.connections.test(5L)).willReturn(new ConnectionTest(ConnectionTest.Outcome.CERTIFICATE_TO_CONFIRM,
				"The SBC presents a certificate nobody has confirmed yet.", "AA:BB", null, null, null, null));

		this.mvc.perform(post("/admin/sbcs/5/test").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("AA:BB")))
			.andExpect(content().string(containsString("Trust this certificate")))
			.andExpect(content().string(not(containsString("<html"))));
	}

}
