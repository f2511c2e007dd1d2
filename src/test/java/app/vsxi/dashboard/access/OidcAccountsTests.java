package app.vsxi.dashboard.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OidcAccountsTests {

	private final AppUserRepository users = mock(AppUserRepository.class);

	private final OidcAccounts accounts = new OidcAccounts(this.users, "preferred_username");

	@Test
	void aKnownEnabledUserGetsInUnderTheirDashboardNameAndRoles() {
		given(this.users.findByUsername("jdoe")).willReturn(Optional.of(AppUser.create("jdoe", "x", true, false)));

		OidcUser adopted = this.accounts.adopt(fromProvider("jdoe"));

		assertThat(adopted.getName()).isEqualTo("jdoe");
		assertThat(adopted.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
	}

	@Test
	void someoneWithoutADashboardAccountIsRefusedWithTheReason() {
		given(this.users.findByUsername("stranger")).willReturn(Optional.empty());

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.accounts.adopt(fromProvider("stranger")))
			.withMessageContaining("no dashboard account for stranger");
	}

	@Test
	void aDisabledAccountIsRefused() {
		given(this.users.findByUsername("gone"))
			.willReturn(Optional.of(AppUser.create("gone", "x", false, false).withEnabled(false)));

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.accounts.adopt(fromProvider("gone")))
			.withMessageContaining("disabled");
	}

	@Test
	void aTokenWithoutTheUsernameClaimIsRefused() {
		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> this.accounts.adopt(fromProvider(null)))
			.withMessageContaining("preferred_username");
	}

	private static OidcUser fromProvider(String preferredUsername) {
		Map<String, Object> claims = preferredUsername == null ? Map.of("sub", "s-1")
				: Map.of("sub", "s-1", "preferred_username", preferredUsername);
		OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), claims);
		return new DefaultOidcUser(List.of(), token, "sub");
	}

}
