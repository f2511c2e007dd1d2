package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.support.SameApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** OpenID Connect login, switched on by nothing but the standard Spring Security client properties. */
@SpringBootTest(properties = {
		"spring.security.oauth2.client.registration.corp.client-id=vsxi-dashboard",
		"spring.security.oauth2.client.registration.corp.client-secret=secret",
		"spring.security.oauth2.client.registration.corp.client-name=Corporate SSO",
		"spring.security.oauth2.client.registration.corp.authorization-grant-type=authorization_code",
		"spring.security.oauth2.client.registration.corp.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
		"spring.security.oauth2.client.registration.corp.scope=openid,profile",
		"spring.security.oauth2.client.provider.corp.authorization-uri=https://idp.example.test/authorize",
		"spring.security.oauth2.client.provider.corp.token-uri=https://idp.example.test/token",
		"spring.security.oauth2.client.provider.corp.jwk-set-uri=https://idp.example.test/jwks",
		"spring.security.oauth2.client.provider.corp.user-name-attribute=sub" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ResourceLock(providers = SameApplication.class)
class OidcLoginTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theLoginPageOffersTheConfiguredProvider() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("Log in with Corporate SSO")))
			.andExpect(content().string(containsString("/oauth2/authorization/corp")));
	}

	@Test
	void choosingTheProviderSendsTheBrowserToItsAuthorizationEndpoint() throws Exception {
		this.mvc.perform(get("/oauth2/authorization/corp"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", startsWith("https://idp.example.test/authorize?")))
			.andExpect(header().string("Location", containsString("client_id=vsxi-dashboard")));
	}

	@Autowired
	AppUserRepository users;

	@Test
	void aUserSignedInThroughTheProviderWhoHasADashboardAccountIsIn() throws Exception {
		AppUser user = this.users.save(AppUser.create("sso-" + System.nanoTime(), null, false, false));

		this.mvc.perform(get("/overview").with(oidcLogin().oidcUser(signedIn(user, false)))).andExpect(status().isOk());
	}

	@Test
	void anAdministratorDemotedMeanwhileLosesTheRoleAtTheNextRequest() throws Exception {
		AppUser demoted = this.users.save(AppUser.create("sso-" + System.nanoTime(), null, false, false));

		// the session still carries the administrator role given at sign-on
		this.mvc.perform(get("/admin/groups").with(oidcLogin().oidcUser(signedIn(demoted, true))))
			.andExpect(status().isForbidden());
	}

	private static DashboardOidcUser signedIn(AppUser user, boolean admin) {
		List<GrantedAuthority> authorities = admin
				? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
		OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60),
				Map.of("sub", "subject-" + user.id(), "iss", "https://idp.example.test"));
		return new DashboardOidcUser(authorities, token, null, user.id(), user.username());
	}

	@Test
	void aUserSignedInThroughTheProviderWithoutAnAccountIsSentBackToTheLoginPage() throws Exception {
		this.mvc.perform(get("/overview").with(oidcLogin().idToken(token -> token.subject("nobody-here"))))
			.andExpect(redirectedUrl("/login?disabled"));
	}

}
