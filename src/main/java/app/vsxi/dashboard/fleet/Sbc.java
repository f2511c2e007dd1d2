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
 * @param haStatusAlarm whether a non-zero {@code ha_remote_status} or {@code ha_local_status} raises the HA alarm;
 * off unless an administrator switches it on, since no source says what those codes mean
 * @param certificateFingerprint SHA-256 of the certificate an administrator confirmed, null until then
 */
@Table
public record Sbc(@Id Long id, String name, String baseUrl, String username, String passwordCipher,
		String siteLabel, Long groupId, String certificateFingerprint, SbcTrust trust, Long haMasterId,
		boolean haStatusAlarm, Instant createdAt, Instant updatedAt) {

	/** A new SBC: trusted by a pinned certificate and no HA master unless the builder says otherwise. */
	public static Builder builder() {
		Instant now = Instant.now();
		return new Builder().trust(SbcTrust.PINNED_CERTIFICATE).createdAt(now).updatedAt(now);
	}

	/** This SBC with some fields changed, by name, so that no caller lines up thirteen arguments by hand. */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.id = this.id;
		builder.name = this.name;
		builder.baseUrl = this.baseUrl;
		builder.username = this.username;
		builder.passwordCipher = this.passwordCipher;
		builder.siteLabel = this.siteLabel;
		builder.groupId = this.groupId;
		builder.certificateFingerprint = this.certificateFingerprint;
		builder.trust = this.trust;
		builder.haMasterId = this.haMasterId;
		builder.haStatusAlarm = this.haStatusAlarm;
		builder.createdAt = this.createdAt;
		builder.updatedAt = this.updatedAt;
		return builder;
	}

	Sbc withCertificate(String fingerprint) {
		return toBuilder().certificateFingerprint(fingerprint).updatedAt(Instant.now()).build();
	}

	Sbc withPasswordCipher(String cipher) {
		return toBuilder().passwordCipher(cipher).build();
	}

	public static final class Builder {

		private Long id;

		private String name;

		private String baseUrl;

		private String username;

		private String passwordCipher;

		private String siteLabel;

		private Long groupId;

		private String certificateFingerprint;

		private SbcTrust trust;

		private Long haMasterId;

		private boolean haStatusAlarm;

		private Instant createdAt;

		private Instant updatedAt;

		private Builder() {
		}

		public Builder id(Long id) {
			this.id = id;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		public Builder username(String username) {
			this.username = username;
			return this;
		}

		public Builder passwordCipher(String passwordCipher) {
			this.passwordCipher = passwordCipher;
			return this;
		}

		public Builder siteLabel(String siteLabel) {
			this.siteLabel = siteLabel;
			return this;
		}

		public Builder groupId(Long groupId) {
			this.groupId = groupId;
			return this;
		}

		public Builder certificateFingerprint(String certificateFingerprint) {
			this.certificateFingerprint = certificateFingerprint;
			return this;
		}

		public Builder trust(SbcTrust trust) {
			this.trust = trust;
			return this;
		}

		public Builder haMasterId(Long haMasterId) {
			this.haMasterId = haMasterId;
			return this;
		}

		public Builder haStatusAlarm(boolean haStatusAlarm) {
			this.haStatusAlarm = haStatusAlarm;
			return this;
		}

		public Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		public Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public Sbc build() {
			return new Sbc(this.id, this.name, this.baseUrl, this.username, this.passwordCipher, this.siteLabel,
					this.groupId, this.certificateFingerprint, this.trust, this.haMasterId, this.haStatusAlarm,
					this.createdAt, this.updatedAt);
		}

	}

	@Override
	public String toString() {
		return "Sbc[" + this.id + " " + this.name + " " + this.baseUrl + "]";
	}

}
