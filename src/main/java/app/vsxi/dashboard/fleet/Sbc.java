package app.vsxi.dashboard.fleet;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One SBC of the fleet as stored. The password is held only as {@link CredentialCipher} ciphertext.
 *
 * @param siteLabel free-form group or site, e.g. "NYC POP"
 * @param certificateFingerprint SHA-256 of the certificate an administrator confirmed, null until then
 */
@Table
public record Sbc(@Id Long id, String name, String baseUrl, String username, String passwordCipher,
		String siteLabel, String certificateFingerprint, Instant createdAt, Instant updatedAt) {

	Sbc withCertificate(String fingerprint) {
		return new Sbc(this.id, this.name, this.baseUrl, this.username, this.passwordCipher, this.siteLabel,
				fingerprint, this.createdAt, Instant.now());
	}

	Sbc withPasswordCipher(String cipher) {
		return new Sbc(this.id, this.name, this.baseUrl, this.username, cipher, this.siteLabel,
				this.certificateFingerprint, this.createdAt, this.updatedAt);
	}

	@Override
	public String toString() {
		return "Sbc[" + this.id + " " + this.name + " " + this.baseUrl + "]";
	}

}
