package app.vsxi.dashboard.fleet;

import java.time.Instant;

import app.vsxi.dashboard.gateway.SbcTrust;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One SBC of the fleet as stored. The password is held only as {@link CredentialCipher} ciphertext.
 *
 * @param siteLabel free-form site, e.g. "NYC POP"
 * @param groupId the {@link SbcGroup} whose grants decide who may see and change this SBC
 * @param trust whether its confirmed certificate or the configured CA decides that it is the right box
 * @param haMasterId the SBC that is its Load-Balance master, if it is a slave
 * @param certificateFingerprint SHA-256 of the certificate an administrator confirmed, null until then
 */
@Table
public record Sbc(@Id Long id, String name, String baseUrl, String username, String passwordCipher,
		String siteLabel, Long groupId, String certificateFingerprint, SbcTrust trust, Long haMasterId,
		Instant createdAt, Instant updatedAt) {

	/** A new SBC trusted by its pinned certificate, with no HA master. */
	public static Sbc pinned(String name, String baseUrl, String username, String passwordCipher, String siteLabel,
			Long groupId, String certificateFingerprint) {
		Instant now = Instant.now();
		return new Sbc(null, name, baseUrl, username, passwordCipher, siteLabel, groupId, certificateFingerprint,
				SbcTrust.PINNED_CERTIFICATE, null, now, now);
	}

	Sbc withCertificate(String fingerprint) {
		return new Sbc(this.id, this.name, this.baseUrl, this.username, this.passwordCipher, this.siteLabel,
				this.groupId, fingerprint, this.trust, this.haMasterId, this.createdAt, Instant.now());
	}

	Sbc withPasswordCipher(String cipher) {
		return new Sbc(this.id, this.name, this.baseUrl, this.username, cipher, this.siteLabel, this.groupId,
				this.certificateFingerprint, this.trust, this.haMasterId, this.createdAt, this.updatedAt);
	}

	@Override
	public String toString() {
		return "Sbc[" + this.id + " " + this.name + " " + this.baseUrl + "]";
	}

}
