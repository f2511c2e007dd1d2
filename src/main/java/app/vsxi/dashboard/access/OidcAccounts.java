package app.vsxi.dashboard.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Login through an external OpenID Connect provider (configured with the standard
 * {@code spring.security.oauth2.client.*} properties). The provider proves who someone is; the dashboard still
 * decides what they may do. A dashboard account is bound once to one identity, issuer and subject, the only pair
 * the standard promises to be unique and stable: by an administrator, or at the first login by a configured claim,
 * and then only an account made for single sign-on (no local password, not an administrator).
 */
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService provider = new OidcUserService();

	private final AppUserRepository users;

	private final String linkClaim;

	OidcAccounts(AppUserRepository users, String linkClaim) {
		this.users = users;
		this.linkClaim = linkClaim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		return adopt(this.provider.loadUser(request));
	}

	/** The provider's user as a dashboard user, or a refusal naming why. */
	OidcUser adopt(OidcUser fromProvider) {
		String issuer = fromProvider.getIssuer() == null ? "" : fromProvider.getIssuer().toString();
		String subject = fromProvider.getSubject();
		if (subject == null || subject.isBlank()) {
			throw refusal("the identity provider sent no subject");
		}
		AppUser user = this.users.findByOidcIssuerAndOidcSubject(issuer, subject)
			.orElseGet(() -> linkAtFirstLogin(fromProvider, issuer, subject));
		if (!user.enabled()) {
			throw refusal("the dashboard account " + user.username() + " is disabled");
		}
		return new DashboardOidcUser(authorities(user.admin()), fromProvider.getIdToken(), fromProvider.getUserInfo(),
				user.id(), user.username());
	}

	private AppUser linkAtFirstLogin(OidcUser fromProvider, String issuer, String subject) {
		String name = this.linkClaim == null || this.linkClaim.isBlank() ? null
				: fromProvider.getClaimAsString(this.linkClaim);
		Optional<AppUser> candidate = name == null ? Optional.empty() : this.users.findByUsername(name);
		if (candidate.isEmpty() || !candidate.get().isSsoOnly() || candidate.get().oidcSubject() != null
				|| candidate.get().admin()) {
			// never linked by a claim: accounts with a local password, administrators, accounts bound already
			throw refusal("no dashboard account is linked to this sign-on; ask an administrator");
		}
		return this.users.save(candidate.get().withSso(issuer, subject));
	}

	static boolean isAdmin(Authentication authentication) {
		return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
	}

	/** The same sign-on with the administrator role as the account has it now. */
	static Authentication withAdmin(Authentication authentication, boolean admin) {
		List<GrantedAuthority> authorities = authorities(admin);
		if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
			OidcUser principal = user instanceof DashboardOidcUser known
					? new DashboardOidcUser(authorities, known.getIdToken(), known.getUserInfo(), known.userId(),
							known.getName())
					: user;
			return new OAuth2AuthenticationToken(principal, authorities, token.getAuthorizedClientRegistrationId());
		}
		return authentication;
	}

	private static List<GrantedAuthority> authorities(boolean admin) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (admin) {
			authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
		}
		return authorities;
	}

	private static OAuth2AuthenticationException refusal(String reason) {
		return new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null), reason);
	}

}
