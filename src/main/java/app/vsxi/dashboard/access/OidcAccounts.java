package app.vsxi.dashboard.access;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Login through an external OpenID Connect provider (configured with the standard
 * {@code spring.security.oauth2.client.*} properties). The provider proves who someone is; the dashboard still
 * decides what they may do: only users that exist here, enabled, get in, with their roles from here.
 */
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final AppUserRepository users;

	private final String usernameClaim;

	OidcAccounts(AppUserRepository users, String usernameClaim) {
		this.users = users;
		this.usernameClaim = usernameClaim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		return adopt(this.provider.loadUser(request));
	}

	/** The provider's user as a dashboard user, or a refusal naming why. */
	OidcUser adopt(OidcUser fromProvider) {
		String username = fromProvider.getClaimAsString(this.usernameClaim);
		if (username == null || username.isBlank()) {
			throw refusal("the identity provider sent no " + this.usernameClaim + " claim");
		}
		AppUser user = this.users.findByUsername(username)
			.orElseThrow(() -> refusal("no dashboard account for " + username + "; ask an administrator"));
		if (!user.enabled()) {
			throw refusal("the dashboard account " + username + " is disabled");
		}
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (user.admin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return new DefaultOidcUser(authorities, fromProvider.getIdToken(), fromProvider.getUserInfo(), this.usernameClaim);
	}

	private static OAuth2AuthenticationException refusal(String reason) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null), reason);
	}

}
