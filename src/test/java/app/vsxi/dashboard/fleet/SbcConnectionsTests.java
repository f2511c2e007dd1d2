package app.vsxi.dashboard.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

import app.vsxi.dashboard.access.AppUser;
import app.vsxi.dashboard.access.AppUserRepository;
import app.vsxi.dashboard.access.DashboardUser;
import app.vsxi.dashboard.access.Role;
import app.vsxi.dashboard.access.UserGrantRepository;
import app.vsxi.dashboard.audit.AuditEvent;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.audit.AuditQuery;
import app.vsxi.dashboard.gateway.GatewayError;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcExchange;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.support.AuditScopes;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.support.TestUsers;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/**
 * Confirming a certificate (the SBC is asked with no database transaction open, then the pin is saved and
 * audited), and what the fleet tells a group administrator about SBCs outside their groups.
 */
@SpringBootTest
@ActiveProfiles("test")
@WithMockUser(username = "pinner", roles = "ADMIN")
@ResourceLock(providers = SameApplication.class)
class SbcConnectionsTests {

	@MockitoBean
	StatsReads gateway;

	@MockitoBean
	SbcExchange exchange;

	@Autowired
	SbcConnections connections;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	SbcGroupRepository groups;

	@Autowired
	CredentialCipher cipher;

	@Autowired
	AuditLog audit;

	@Autowired
	FleetService fleet;

	@Autowired
	AppUserRepository users;

	@Autowired
	UserGrantRepository grants;

	private Sbc sbc;

	private final List<Long> made = new ArrayList<>();

	@AfterEach
	void remove() {
		if (this.sbc != null) {
			this.sbcs.deleteById(this.sbc.id());
		}
		this.made.forEach(this.sbcs::deleteById);
	}

	@Test
	void twinsAtTheSameAddressAreNamedOnlyWhenTheUserMaySeeThem() {
		long suffix = System.nanoTime();
		long mine = this.groups.save(new SbcGroup(null, "twins-mine-" + suffix, null, Instant.now())).id();
		long hidden = this.groups.save(new SbcGroup(null, "twins-hidden-" + suffix, null, Instant.now())).id();
		Sbc first = twin("twin-a-" + suffix, mine);
		twin("twin-b-" + suffix, mine);
		twin("twin-hidden-" + suffix, hidden);
		AppUser manager = testUsers().user("twin-manager-" + suffix, mine, Role.GROUP_ADMIN);
		DashboardUser principal = new DashboardUser(manager.id(), manager.username(), null, true, false, false, null);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));

		assertThat(this.fleet.sameAddressAs(first)).extracting(Sbc::name).containsExactly("twin-b-" + suffix);
	}

	private Sbc twin(String name, long group) {
		Sbc twin = this.sbcs.save(Sbc.builder()
			.name(name)
			.baseUrl("https://10.7.7.7:8888")
			.username("api")
			.passwordCipher(this.cipher.encrypt("pw"))
			.groupId(group)
			.build());
		this.made.add(twin.id());
		return twin;
	}

	@Test
	void trustingACertificateHoldsNoDatabaseTransactionWhileTheSbcIsAsked() {
		this.sbc = this.sbcs.save(Sbc.builder()
			.name("pin-" + System.nanoTime())
			.baseUrl("https://10.9.8.7:8888")
			.username("api")
			.passwordCipher(this.cipher.encrypt("pw"))
			.groupId(this.groups.findByName("Default").orElseThrow().id())
			.build());
		List<Boolean> transactionOpen = new ArrayList<>();
		given(this.exchange.presentedCertificate(any())).willAnswer(call -> {
			transactionOpen.add(TransactionSynchronizationManager.isActualTransactionActive());
			return GatewayResult.ok("AA:BB");
		});
		given(this.gateway.realtimeStats(any())).willReturn(Mono.just(GatewayResult.failed(new GatewayError.Busy())));
		given(this.gateway.systemInfo(any())).willReturn(Mono.just(GatewayResult.failed(new GatewayError.Busy())));

		this.connections.trust(this.sbc.id(), "AA:BB");

		assertThat(transactionOpen).isNotEmpty().containsOnly(false);
		assertThat(this.sbcs.findById(this.sbc.id())).get().extracting(Sbc::certificateFingerprint).isEqualTo("AA:BB");
		assertThat(this.audit.search(new AuditQuery(this.sbc.name(), "pinner", "SBC_TRUST_CERTIFICATE",
				AuditOutcome.SUCCESS, null, null), AuditScopes.everything(), 10)).extracting(AuditEvent::detail)
			.containsExactly("now AA:BB");
	}

	private TestUsers testUsers() {
		return new TestUsers(this.users, this.grants);
	}

}
