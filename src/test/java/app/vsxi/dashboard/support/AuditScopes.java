package app.vsxi.dashboard.support;

import java.util.Set;

import app.vsxi.dashboard.audit.AuditScope;

/** Audit scopes for tests that read the trail without a logged-in viewer. */
public final class AuditScopes {

	private AuditScopes() {
	}

	/** Every event, as an administrator sees them. */
	public static AuditScope everything() {
		return of(null, "admin");
	}

	/** The events of these groups and of this viewer; null groups means every event. */
	public static AuditScope of(Set<Long> groups, String viewer) {
		return new AuditScope() {

			@Override
			public boolean seesEverything() {
				return groups == null;
			}

			@Override
			public Set<Long> visibleGroupIds() {
				return groups == null ? Set.of() : groups;
			}

			@Override
			public String viewer() {
				return viewer;
			}
		};
	}

}
