package app.vsxi.dashboard.gateway;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Each gateway setting has one default, written once, which tools and the application alike get. */
class GatewayPropertiesTests {

	@Test
	void anEmptyConfigurationGivesTheDocumentedDefaults() {
		GatewayProperties defaults = GatewayProperties.defaults();

		assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.maxConnectionsPerSbc()).isEqualTo(4);
		assertThat(defaults.maxQueuedPerSbc()).isEqualTo(32);
		assertThat(defaults.maxWaitPerSbc()).isEqualTo(Duration.ofSeconds(30));
		assertThat(defaults.minGapPerSbc()).isEqualTo(Duration.ZERO);
		assertThat(defaults.circuitBreaker()).isEqualTo(new GatewayProperties.CircuitBreaker(50, 10, 5, Duration.ofSeconds(30)));
		assertThat(defaults.trustedCaFile()).isNull();
	}

	@Test
	void toolsOverrideTheirFewSettingsAndKeepTheOtherDefaults() {
		GatewayProperties tool = GatewayProperties.of(Duration.ofSeconds(1), Duration.ofSeconds(2), 7);

		assertThat(tool.maxConnectionsPerSbc()).isEqualTo(7);
		assertThat(tool.maxQueuedPerSbc()).isEqualTo(GatewayProperties.defaults().maxQueuedPerSbc());
		assertThat(tool.circuitBreaker()).isEqualTo(GatewayProperties.defaults().circuitBreaker());
	}

	@Test
	void aConfiguredValueReplacesItsDefaultOnly() {
		GatewayProperties bound = new Binder(new MapConfigurationPropertySource(
				Map.of("vsxi.gateway.read-timeout", "20s", "vsxi.gateway.circuit-breaker.open-for", "1m")))
			.bindOrCreate("vsxi.gateway", GatewayProperties.class);

		assertThat(bound.readTimeout()).isEqualTo(Duration.ofSeconds(20));
		assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(bound.circuitBreaker().openFor()).isEqualTo(Duration.ofMinutes(1));
		assertThat(bound.circuitBreaker().window()).isEqualTo(10);
	}

}
