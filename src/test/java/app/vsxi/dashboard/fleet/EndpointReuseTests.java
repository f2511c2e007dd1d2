package app.vsxi.dashboard.fleet;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.SbcEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** The poller's endpoint of an SBC is made once per stored record, and anew whenever the record changes. */
class EndpointReuseTests {

	private final CredentialCipher cipher = spy(
			new CredentialCipher(Base64.getEncoder().encodeToString(new byte[32]), List.of()));

	private final FleetService fleet = new FleetService(null, this.cipher, null, null, null);

	private Sbc sbc(String password, String address) {
		return Sbc.builder().id(7L).name("nyc-1").baseUrl(address).username("api")
			.passwordCipher(this.cipher.encrypt(password)).groupId(1L).build();
	}

	@Test
	void anUnchangedRecordReusesItsEndpointAndAChangedOneGetsANewOne() {
		Sbc stored = sbc("first", "https://10.0.0.1:8888");

		SbcEndpoint first = this.fleet.endpoint(stored, id -> null);
		SbcEndpoint again = this.fleet.endpoint(stored.toBuilder().build(), id -> null);
		assertThat(again).isSameAs(first);
		assertThat(first.password()).isEqualTo("first");
		verify(this.cipher, times(1)).decrypt(anyString());

		SbcEndpoint newPassword = this.fleet.endpoint(sbc("second", "https://10.0.0.1:8888"), id -> null);
		assertThat(newPassword.password()).isEqualTo("second");

		Sbc moved = stored.toBuilder().baseUrl("https://10.0.0.2:8888").build();
		assertThat(this.fleet.endpoint(moved, id -> null).baseUrl().getHost()).isEqualTo("10.0.0.2");

		Sbc slave = moved.toBuilder().haMasterId(9L).build();
		assertThat(this.fleet.endpoint(slave, id -> "master-a").masterName()).isEqualTo("master-a");
		assertThat(this.fleet.endpoint(slave, id -> "master-b").masterName()).isEqualTo("master-b");
		verify(this.cipher, times(5)).decrypt(anyString());
	}

}
