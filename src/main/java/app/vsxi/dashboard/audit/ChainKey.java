package app.vsxi.dashboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The key the audit chain is sealed with (HMAC-SHA256), named in each seal by a short id that does not reveal it. */
final class ChainKey {

	static final String ALGORITHM = "HmacSHA256";

	private static final int MIN_BYTES = 32;

	private final SecretKeySpec key;

	private final String id;

	ChainKey(String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalStateException("vsxi.audit.chain-key is not set: give a base64 key of 32 random bytes, "
					+ "e.g. from 'openssl rand -base64 32', in the environment (VSXI_AUDIT_CHAINKEY)");
		}
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("vsxi.audit.chain-key is not valid base64", ex);
		}
		if (raw.length < MIN_BYTES) {
			throw new IllegalStateException("vsxi.audit.chain-key must have at least " + MIN_BYTES + " bytes, got "
					+ raw.length);
		}
		this.key = new SecretKeySpec(raw, ALGORITHM);
		try {
			this.id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String id() {
		return this.id;
	}

	String mac(String text) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
