package app.vsxi.dashboard.access;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** Someone signed in through the identity provider, known by the dashboard account bound to their identity. */
class DashboardOidcUser extends DefaultOidcUser {

	private final long userId;

	private final String username;

	DashboardOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
			long userId, String username) {
		super(authorities, idToken, userInfo);
		this.userId = userId;
		this.username = username;
	}

	long userId() {
		return this.userId;
	}

	/** The dashboard's name for them, which the audit trail and grants use; never a provider's claim. */
	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DashboardOidcUser user && user.userId == this.userId && super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode() * 31 + Long.hashCode(this.userId);
	}

}
