package app.vsxi.dashboard.fleet;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SbcAddressPolicyTests {

	private final SbcAddressPolicy strict = new SbcAddressPolicy(List.of());

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1:8888", "https://localhost:22", "https://169.254.169.254:8888",
			"https://[::1]:8888", "https://[fe80::1]:8888", "https://0.0.0.0:8888", "https://100.100.100.200:8888" })
	void loopbackLinkLocalAndMetadataAddressesAreNotTested(String baseUrl) {
		assertThat(this.strict.refusal(baseUrl)).hasValueSatisfying(reason -> assertThat(reason).contains("vsxi.fleet.special-addresses"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://10.1.2.3:8888", "https://192.0.2.10:8888", "https://[2001:db8::5]:8888" })
	void ordinarySbcAddressesAreTested(String baseUrl) {
		assertThat(this.strict.refusal(baseUrl)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://127.0.0.1:18881", "https://[::1]:18882" })
	void listedSpecialAddressesAreTestedLikeDemoModesOwnBoxes(String baseUrl) {
		assertThat(new SbcAddressPolicy(List.of("127.0.0.0/8", "::1")).refusal(baseUrl)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://10.1.2.3:8888", "https://172.16.0.9:8888", "https://192.168.1.1:8888",
			"https://127.0.0.1:8888", "https://[fd12::5]:8888", "https://100.64.7.7:8888", "https://169.254.1.1:8888" })
	void privateAddressesAreAnsweredQuietly(String baseUrl) {
		assertThat(this.strict.isPrivate(baseUrl)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://192.0.2.10:8888", "https://8.8.8.8:443", "https://[2001:db8::5]:8888",
			"https://172.32.0.1:8888" })
	void publicAddressesAreNot(String baseUrl) {
		assertThat(this.strict.isPrivate(baseUrl)).isFalse();
	}

}
