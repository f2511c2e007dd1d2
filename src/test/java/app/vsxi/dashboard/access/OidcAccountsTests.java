package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class OidcAccountsTests {

	private static final String ISSUER = "https://idp.example.test/realms/noc";

	private final AppUserRepository users = mock(AppUserRepository.class);

	private final OidcAccounts accounts = new OidcAccounts(this.users, "preferred_username");

	@Test
	void anAccountBoundToTheIssuerAndSubjectGetsInUnderItsDashboardNameAndRoles() {
		given(this.users.findByOidcIssuerAndOidcSubject(ISSUER, "s-1")).willReturn(Optional.of(bound("jdoe", true, "s-1")));

		OidcUser adopted = this.accounts.adopt(fromProvider("s-1", "someone-else"));

		assertThat(adopted.getName()).isEqualTo("jdoe");
		assertThat(adopted.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
	}

	@Test
	void aMatchingUsernameClaimDoesNotOpenAnAccountWithALocalPassword() {
		given(this.users.findByOidcIssuerAndOidcSubject(any(), any())).willReturn(Optional.empty());
		given(this.users.findByUsername("admin")).willReturn(Optional.of(withId(AppUser.create("admin", "$2a$12$x", true, false))));

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.accounts.adopt(fromProvider("attacker", "admin")))
			.withMessageContaining("ask an administrator");
		verify(this.users, never()).save(any());
	}

	@Test
	void aSingleSignOnAccountIsBoundAtItsFirstLoginByTheConfiguredClaim() {
		AppUser ssoOnly = withId(AppUser.create("jdoe", null, false, false));
		given(this.users.findByOidcIssuerAndOidcSubject(any(), any())).willReturn(Optional.empty());
		given(this.users.findByUsername("jdoe")).willReturn(Optional.of(ssoOnly));
		given(this.users.save(any())).willAnswer(call -> call.getArgument(0));

		OidcUser adopted = this.accounts.adopt(fromProvider("s-9", "jdoe"));

		assertThat(adopted.getName()).isEqualTo("jdoe");
		ArgumentCaptor<AppUser> saved = ArgumentCaptor.forClass(AppUser.class);
		verify(this.users).save(saved.capture());
		assertThat(saved.getValue()).extracting(AppUser::id, AppUser::oidcIssuer, AppUser::oidcSubject)
			.containsExactly(42L, ISSUER, "s-9");
	}

	@Test
	void anAdministratorAccountIsNeverBoundByAClaim() {
		given(this.users.findByOidcIssuerAndOidcSubject(any(), any())).willReturn(Optional.empty());
		given(this.users.findByUsername("root")).willReturn(Optional.of(withId(AppUser.create("root", null, true, false))));

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.accounts.adopt(fromProvider("s-2", "root")));
	}

	@Test
	void aDisabledAccountIsRefused() {
		given(this.users.findByOidcIssuerAndOidcSubject(ISSUER, "s-3"))
			.willReturn(Optional.of(bound("gone", false, "s-3").withEnabled(false)));

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.accounts.adopt(fromProvider("s-3", "gone")))
			.withMessageContaining("disabled");
	}

	private static AppUser bound(String name, boolean admin, String subject) {
		return withId(AppUser.create(name, null, admin, false)).withSso(ISSUER, subject);
	}

	private static AppUser withId(AppUser user) {
		return new AppUser(42L, user.username(), user.passwordHash(), user.enabled(), user.admin(), user.createdAt(),
				user.mustChangePassword(), 0, null, null, user.oidcIssuer(), user.oidcSubject());
	}

	private static OidcUser fromProvider(String subject, String preferredUsername) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("sub", subject);
		claims.put("iss", ISSUER);
		claims.put("preferred_username", preferredUsername);
		OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
		return new DefaultOidcUser(List.of(), token, "sub");
	}

}
