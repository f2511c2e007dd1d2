package app.vsxi.dashboard.fleet;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialCipherTests {

	static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

	static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

	@Test
	void sealedTextOpensToThePasswordAndDoesNotContainIt() {
		CredentialCipher cipher = new CredentialCipher(KEY, List.of());

		String sealed = cipher.encrypt("S3cret-Pass");

		assertThat(sealed).doesNotContain("S3cret-Pass");
		assertThat(cipher.decrypt(sealed)).isEqualTo("S3cret-Pass");
	}

	@Test
	void theSamePasswordSealsDifferentlyEachTime() {
		CredentialCipher cipher = new CredentialCipher(KEY, List.of());

		assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
	}

	@Test
	void tamperedTextIsRefused() {
		CredentialCipher cipher = new CredentialCipher(KEY, List.of());
		String sealed = cipher.encrypt("S3cret-Pass");
		char last = sealed.charAt(sealed.length() - 3);
		String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A')
				+ sealed.substring(sealed.length() - 2);

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(tampered));
	}

	@Test
	void aRotatedOutKeyStillOpensWhatItSealedAndIsFlaggedForRotation() {
		String sealedUnderOld = new CredentialCipher(OTHER_KEY, List.of()).encrypt("old-pass");
		CredentialCipher rotated = new CredentialCipher(KEY, List.of(OTHER_KEY));

		assertThat(rotated.decrypt(sealedUnderOld)).isEqualTo("old-pass");
		assertThat(rotated.needsRotation(sealedUnderOld)).isTrue();
		assertThat(rotated.needsRotation(rotated.encrypt("new"))).isFalse();
	}

	@Test
	void withoutTheKeyNothingOpens() {
		String sealed = new CredentialCipher(OTHER_KEY, List.of()).encrypt("x");

		assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher(KEY, List.of()).decrypt(sealed))
			.withMessageContaining("key");
	}

	@Test
	void aMissingOrShortKeyStopsStartUpWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher(null, List.of()))
			.withMessageContaining("vsxi.fleet.credential-key");
		assertThatIllegalStateException()
			.isThrownBy(() -> new CredentialCipher(Base64.getEncoder().encodeToString(new byte[16]), List.of()))
			.withMessageContaining("32 bytes");
	}

}
