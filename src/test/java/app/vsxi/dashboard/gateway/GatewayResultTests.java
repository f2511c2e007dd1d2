package app.vsxi.dashboard.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Taking a result apart without casting. */
class GatewayResultTests {

	private final GatewayResult<Integer> ok = GatewayResult.ok(7);

	private final GatewayResult<Integer> failed = GatewayResult.failed(new GatewayError.Busy());

	@Test
	void foldAppliesTheFunctionThatFits() {
		assertThat(this.ok.fold(value -> "value " + value, GatewayError::message)).isEqualTo("value 7");
		assertThat(this.failed.fold(value -> "value " + value, GatewayError::message))
			.isEqualTo(new GatewayError.Busy().message());
	}

	@Test
	void theOptionalsHoldTheValueOrTheError() {
		assertThat(this.ok.okValue()).contains(7);
		assertThat(this.ok.failure()).isEmpty();
		assertThat(this.failed.okValue()).isEmpty();
		assertThat(this.failed.failure()).contains(new GatewayError.Busy());
		assertThat(this.ok.isOk()).isTrue();
		assertThat(this.failed.isOk()).isFalse();
	}

	@Test
	void mapChangesTheValueAndKeepsTheError() {
		assertThat(this.ok.map(value -> value * 2)).isEqualTo(GatewayResult.ok(14));
		assertThat(this.failed.map(value -> value * 2)).isEqualTo(GatewayResult.failed(new GatewayError.Busy()));
	}

}
