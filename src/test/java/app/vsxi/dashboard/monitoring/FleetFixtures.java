package app.vsxi.dashboard.monitoring;

import java.time.Instant;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrant;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroup;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;

/** Groups, unreachable SBCs and grants made once by name, for tests that need alarms on SBCs of known groups. */
public record FleetFixtures(SbcGroupRepository groups, SbcRepository sbcs, UserGrantRepository grants,
		CredentialCipher cipher) {

	public long group(String name) {
		return this.groups.findByName(name)
			.orElseGet(() -> this.groups.save(new SbcGroup(null, name, null, Instant.now())))
			.id();
	}

	public long sbc(String name, long group) {
		return this.sbcs.findByName(name)
			.orElseGet(() -> this.sbcs.save(Sbc.builder()
				.name(name)
				.baseUrl("https://127.0.0.1:1")
				.username("api")
				.passwordCipher(this.cipher.encrypt("pw"))
				.groupId(group)
				.build()))
			.id();
	}

	public void grant(AppUser user, long group, Role role) {
		if (this.grants.findByUserIdAndGroupId(user.id(), group).isEmpty()) {
			this.grants.save(new UserGrant(null, user.id(), group, role, "test", Instant.now()));
		}
	}

}
