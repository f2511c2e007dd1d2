package app.vsxi.dashboard.monitoring;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.GatewayError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed poll makes of an SBC's row: the kind of failure decides the condition, and the condition its badge,
 * CSS class, whether it is a problem, and whether the fix is in the connection settings.
 */
class ConditionTests {

	@Test
	void troubleOnTheWayAndServerErrorsAreAllUnreachable() {
		assertThat(Condition.of(new GatewayError.Unreachable("connection refused"))).isEqualTo(Condition.UNREACHABLE);
		assertThat(Condition.of(new GatewayError.Timeout("read"))).isEqualTo(Condition.UNREACHABLE);
		assertThat(Condition.of(new GatewayError.UnexpectedResponse(500, "oops"))).isEqualTo(Condition.UNREACHABLE);
		assertThat(Condition.of(new GatewayError.UnexpectedResponse(503, "later"))).isEqualTo(Condition.UNREACHABLE);
	}

	@Test
	void anAnswerUnder500IsAnError() {
		assertThat(Condition.of(new GatewayError.UnexpectedResponse(499, "odd"))).isEqualTo(Condition.ERROR);
		assertThat(Condition.of(new GatewayError.UnexpectedResponse(404, "no page"))).isEqualTo(Condition.ERROR);
		assertThat(Condition.of(new GatewayError.Rejected("bad request"))).isEqualTo(Condition.ERROR);
		assertThat(Condition.of(new GatewayError.IncompleteAnswer("no tables"))).isEqualTo(Condition.ERROR);
	}

	@Test
	void eachOtherKindOfFailureHasItsOwnCondition() {
		assertThat(Condition.of(new GatewayError.NotAuthorized("bad password"))).isEqualTo(Condition.LOGIN_REFUSED);
		assertThat(Condition.of(new GatewayError.CertificateNotConfirmed())).isEqualTo(Condition.NOT_SET_UP);
		assertThat(Condition.of(new GatewayError.CertificateChanged("AA", "BB")))
			.isEqualTo(Condition.CERTIFICATE_CHANGED);
		assertThat(Condition.of(new GatewayError.TlsFailure("handshake"))).isEqualTo(Condition.TLS_FAILURE);
		assertThat(Condition.of(new GatewayError.Busy())).isEqualTo(Condition.BUSY);
		assertThat(Condition.of(new GatewayError.SlaveMode("slave", "master-1"))).isEqualTo(Condition.SLAVE);
	}

	@Test
	void aCallHeldBackByTheBreakerTakesTheKindOfTheFailureThatOpenedIt() {
		assertThat(Condition.of(new GatewayError.CircuitOpen(new GatewayError.NotAuthorized("bad password"))))
			.isEqualTo(Condition.LOGIN_REFUSED);
		assertThat(Condition.of(new GatewayError.CircuitOpen(new GatewayError.TlsFailure("handshake"))))
			.isEqualTo(Condition.TLS_FAILURE);
		assertThat(Condition.of(new GatewayError.CircuitOpen(null))).isEqualTo(Condition.UNREACHABLE);
		assertThat(Condition.of(new GatewayError.CircuitOpen(new GatewayError.CircuitOpen(null))))
			.isEqualTo(Condition.UNREACHABLE);
	}

	@Test
	void badgesAndCssClassesSayTheCondition() {
		assertThat(Condition.CERTIFICATE_CHANGED.badge()).isEqualTo("Certificate changed");
		assertThat(Condition.UP.badge()).isEqualTo("Reachable");
		assertThat(Condition.SLAVE.badge()).isEqualTo("Slave mode");
		assertThat(Condition.CERTIFICATE_CHANGED.cssClass()).isEqualTo("certificate-changed");
		assertThat(Condition.NO_ANSWER.cssClass()).isEqualTo("no-answer");
		assertThat(Condition.UP.cssClass()).isEqualTo("up");
	}

	@Test
	void onlyLoginCertificateAndTlsTroubleIsFixedInTheConnectionSettings() {
		assertThat(Condition.values()).filteredOn(Condition::fixedInConnection).containsExactly(
				Condition.CERTIFICATE_CHANGED, Condition.LOGIN_REFUSED, Condition.NOT_SET_UP, Condition.TLS_FAILURE);
	}

	@Test
	void everyConditionButReachableAndWaitingIsAProblemAndOnlyTheSilentOnesHeardNothing() {
		assertThat(Condition.values()).filteredOn(condition -> !condition.problem())
			.containsExactly(Condition.WAITING, Condition.UP);
		assertThat(Condition.SLAVE.problem()).isTrue();
		assertThat(Condition.values()).filteredOn(Condition::silent)
			.containsExactly(Condition.UNREACHABLE, Condition.NO_ANSWER);
	}

}
