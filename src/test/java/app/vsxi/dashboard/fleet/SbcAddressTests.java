package app.vsxi.dashboard.fleet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SbcAddressTests {

	@ParameterizedTest
	@CsvSource({ "10.1.2.3, https://10.1.2.3:8888", "SBC1.example.net:9443, https://sbc1.example.net:9443",
			"https://10.1.2.3, https://10.1.2.3:8888", "https://10.1.2.3:8888/, https://10.1.2.3:8888",
			"https://10.1.2.3:8888/SSConfig/webresources/, https://10.1.2.3:8888" })
	void typedAddressesBecomeBaseUrls(String typed, String expected) {
		assertThat(SbcAddress.normalise(typed)).isEqualTo(expected);
	}

	@Test
	void plainHttpIsRefusedBecauseTheApiIsHttpsOnly() {
		assertThatIllegalArgumentException().isThrownBy(() -> SbcAddress.normalise("http://10.1.2.3:8888"))
			.withMessageContaining("HTTPS");
	}

	@Test
	void otherPathsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SbcAddress.normalise("https://10.1.2.3/admin"))
			.withMessageContaining("path");
	}

}
