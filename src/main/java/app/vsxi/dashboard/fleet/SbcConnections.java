package app.vsxi.dashboard.fleet;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import app.vsxi.dashboard.audit.AuditAction;
import app.vsxi.dashboard.audit.AuditLog;
import app.vsxi.dashboard.audit.AuditOutcome;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.RealtimeStats;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.SbcExchange;
import app.vsxi.dashboard.gateway.SbcTrust;
import app.vsxi.dashboard.gateway.StatsReads;
import app.vsxi.dashboard.gateway.SystemInfo;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** "Test connection" and "trust this certificate": how an administrator settles that the dashboard talks to the right box. */
@Service
public class SbcConnections {

	private static final Logger log = LoggerFactory.getLogger(SbcConnections.class);

	private final FleetService fleet;

	private final SbcExchange gateway;

	private final StatsReads stats;

	private final AuditLog audit;

	private final SbcAddressPolicy addresses;

	private final QuietFailure quiet;

	SbcConnections(FleetService fleet, SbcExchange gateway, StatsReads stats, AuditLog audit, SbcAddressPolicy addresses,
			FleetProperties properties) {
		this.addresses = addresses;
		this.quiet = new QuietFailure(properties.testFailureMinimum());
		this.fleet = fleet;
		this.gateway = gateway;
		this.stats = stats;
		this.audit = audit;
	}

	/**
	 * Reads the certificate the SBC presents and, if it is the one to trust, the box's stats. An SBC trusted by
	 * the configured CA is simply called: the TLS handshake checks it. On a private address every way of finding
	 * no TLS server there gets the same answer after the same minimum time.
	 */
	@PreAuthorize("@access.canOnSbc('ADMINISTER', #id)")
	public ConnectionTest test(long id) {
		long started = System.nanoTime();
		Sbc sbc = this.fleet.find(id);
		Optional<ConnectionTest> refused = refused(sbc);
		if (refused.isPresent()) {
			return refused.get();
		}
		String pinned = sbc.certificateFingerprint();
		boolean quietly = this.addresses.isPrivate(sbc.baseUrl());
		if (sbc.trust() == SbcTrust.CERTIFICATE_AUTHORITY && !quietly) {
			return callStats(sbc, null, null);
		}
		GatewayResult<String> presented = this.gateway.presentedCertificate(URI.create(sbc.baseUrl()));
		if (presented.failure().isPresent()) {
			return quietly ? this.quiet.answer(started, pinned)
					: ConnectionTest.failed(presented.failure().get().message(), null, pinned);
		}
		if (sbc.trust() == SbcTrust.CERTIFICATE_AUTHORITY) {
			// a TLS server answers there: the call's own handshake checks it against the CA
			return callStats(sbc, null, null);
		}
		String fingerprint = presented.okValue().orElseThrow();
		if (pinned == null) {
			return new ConnectionTest(ConnectionTest.Outcome.CERTIFICATE_TO_CONFIRM,
					"The SBC presents a certificate nobody has confirmed yet. Compare its fingerprint with the one "
							+ "shown on the SBC before you trust it.",
					fingerprint, null, null, null, null);
		}
		if (!pinned.equals(fingerprint)) {
			return new ConnectionTest(ConnectionTest.Outcome.CERTIFICATE_CHANGED,
					"The SBC presents another certificate than the one confirmed. Calls are refused until an "
							+ "administrator accepts the new one.",
					fingerprint, pinned, null, null, null);
		}
		return callStats(sbc, fingerprint, pinned);
	}

	/**
	 * Pins the certificate an administrator confirmed, but only if the SBC still presents exactly that one, so a
	 * certificate swapped between "test" and "trust" is never pinned unseen.
	 */
	@PreAuthorize("@access.canOnSbc('ADMINISTER', #id)")
	public ConnectionTest trust(long id, String confirmedFingerprint) {
		Sbc sbc = this.fleet.find(id);
		Optional<ConnectionTest> refused = refused(sbc);
		if (refused.isPresent()) {
			return refused.get();
		}
		GatewayResult<String> presented = this.gateway.presentedCertificate(URI.create(sbc.baseUrl()));
		if (!presented.okValue().filter(confirmedFingerprint::equals).isPresent()) {
			this.audit.record(AuditAction.SBC_TRUST_CERTIFICATE, sbc.name(), sbc.groupId(), AuditOutcome.FAILED,
					"no longer presented: " + confirmedFingerprint);
			return ConnectionTest.failed("The SBC no longer presents the certificate you confirmed; test again.",
					presented.okValue().orElse(null), sbc.certificateFingerprint());
		}
		this.fleet.pinCertificate(id, sbc.baseUrl(), confirmedFingerprint);
		this.gateway.forget(id);
		log.info("Certificate {} confirmed for SBC {}", confirmedFingerprint, sbc.name());
		ConnectionTest after = test(id);
		return new ConnectionTest(after.outcome(), "Certificate trusted. " + after.message(),
				after.presentedFingerprint(), after.pinnedFingerprint(), after.uptime(), after.activeCalls(),
				after.haState());
	}

	private Optional<ConnectionTest> refused(Sbc sbc) {
		return this.addresses.refusal(sbc.baseUrl())
			.map(reason -> ConnectionTest.failed(reason, null, sbc.certificateFingerprint()));
	}

	private ConnectionTest callStats(Sbc sbc, String fingerprint, String pinned) {
		SbcEndpoint endpoint = this.fleet.endpoint(sbc);
		var both = Mono.zip(this.stats.realtimeStats(endpoint), this.stats.systemInfo(endpoint))
			.block(Duration.ofMinutes(1));
		String uptime = both.getT2().okValue().map(SystemInfo::hardwareUptime).orElse("");
		return both.getT1()
			.fold(stats -> new ConnectionTest(ConnectionTest.Outcome.OK,
					"Connected; the API user can read the SBC's stats.", fingerprint, pinned, uptime,
					stats.activeSessions(), stats.haState()),
					error -> ConnectionTest.failed(error.message(), fingerprint, pinned));
	}

}
