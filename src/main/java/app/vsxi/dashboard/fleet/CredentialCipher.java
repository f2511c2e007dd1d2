package app.vsxi.dashboard.fleet;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for SBC passwords. Ciphertext reads {@code <key id>:<base64 of nonce and sealed text>}, so a
 * rotated-out key can still open what it sealed until everything is re-encrypted under the current one.
 */
public final class CredentialCipher {

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final int KEY_ID_CHARS = 8;

	private final SecureRandom random = new SecureRandom();

	private final String currentKeyId;

	private final Map<String, SecretKey> keys = new LinkedHashMap<>();

	public CredentialCipher(String currentKey, List<String> previousKeys) {
		if (currentKey == null || currentKey.isBlank()) {
			throw new IllegalStateException("vsxi.fleet.credential-key is not set: give a base64 256-bit key, "
					+ "e.g. from 'openssl rand -base64 32', in the environment (VSXI_FLEET_CREDENTIALKEY)");
		}
		this.currentKeyId = add(currentKey);
		previousKeys.forEach(this::add);
	}

	public String encrypt(String plain) {
		byte[] out = seal(plain.getBytes(StandardCharsets.UTF_8));
		return this.currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
	}

	/**
	 * Bytes sealed under the current key: the key id (8 ASCII hex digits), then nonce and sealed bytes; for what
	 * is kept at rest in bulk, such as a stored table holding passwords.
	 */
	public byte[] encrypt(byte[] plain) {
		byte[] id = this.currentKeyId.getBytes(StandardCharsets.US_ASCII);
		byte[] sealed = seal(plain);
		return ByteBuffer.allocate(id.length + sealed.length).put(id).put(sealed).array();
	}

	/** What {@link #encrypt(byte[])} sealed, under whichever of the keys it was sealed with. */
	public byte[] decrypt(byte[] stored) {
		if (stored.length < KEY_ID_CHARS + NONCE_BYTES) {
			throw new IllegalStateException("Stored sealed data is too short to be whole");
		}
		String id = new String(stored, 0, KEY_ID_CHARS, StandardCharsets.US_ASCII);
		return open(id, stored, KEY_ID_CHARS);
	}

	private byte[] seal(byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.get(this.currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(this.currentKeyId.getBytes(StandardCharsets.US_ASCII));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a credential", ex);
		}
	}

	private byte[] open(String keyId, byte[] in, int from) {
		SecretKey key = this.keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("A stored credential was sealed with a key this instance does not have");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, from, NONCE_BYTES));
			cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
			return cipher.doFinal(in, from + NONCE_BYTES, in.length - from - NONCE_BYTES);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A stored credential cannot be decrypted (wrong key or damaged)", ex);
		}
	}

	public String decrypt(String stored) {
		int colon = stored.indexOf(':');
		if (colon < 0) {
			throw new IllegalStateException("A stored credential was sealed with a key this instance does not have");
		}
		byte[] in;
		try {
			in = Base64.getDecoder().decode(stored.substring(colon + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("A stored credential cannot be decrypted (wrong key or damaged)", ex);
		}
		if (in.length < NONCE_BYTES) {
			throw new IllegalStateException("A stored credential cannot be decrypted (wrong key or damaged)");
		}
		return new String(open(stored.substring(0, colon), in, 0), StandardCharsets.UTF_8);
	}

	/** Whether bytes {@link #encrypt(byte[]) sealed} were sealed under a key other than the current one. */
	public boolean needsRotation(byte[] stored) {
		return stored.length < KEY_ID_CHARS || !this.currentKeyId
			.equals(new String(stored, 0, KEY_ID_CHARS, StandardCharsets.US_ASCII));
	}

	/** Whether a stored credential is sealed under a key other than the current one. */
	public boolean needsRotation(String stored) {
		return !stored.startsWith(this.currentKeyId + ":");
	}

	private String add(String base64Key) {
		byte[] raw;
		try {
			raw = Base64.getDecoder().decode(base64Key.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("A credential key is not valid base64", ex);
		}
		if (raw.length != 32) {
			throw new IllegalStateException("A credential key must be 32 bytes (256 bits), got " + raw.length);
		}
		String id = keyId(raw);
		this.keys.put(id, new SecretKeySpec(raw, "AES"));
		return id;
	}

	private static String keyId(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw), 0, 4);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
