package app.vsxi.dashboard.tables;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.fleet.CredentialCipher;

/**
 * Seals what drafts and snapshots of a table with passwords (subscribers' SIP passwords, the box's accounts) keep
 * in the database, with the cipher that seals SBC passwords; other tables are stored as they are, so a
 * million-route draft costs no cipher. Readers tell sealed from plain by the first bytes, so rows stored before
 * sealing still read.
 */
@Component
public class RowsAtRest {

	private static final byte[] MAGIC = "VSXSEAL1".getBytes(StandardCharsets.US_ASCII);

	private final CredentialCipher cipher;

	public RowsAtRest(CredentialCipher cipher) {
		this.cipher = cipher;
	}

	/** Whether rows of this table are sealed at rest: it has fields the catalog marks secret. */
	public static boolean sealed(String table) {
		return EditableTable.named(table).map(SecretFields::any).orElse(false);
	}

	/** Packed rows as they are to be stored for a table. */
	public byte[] store(String table, byte[] packed) {
		if (!sealed(table)) {
			return packed;
		}
		byte[] body = this.cipher.encrypt(packed);
		return ByteBuffer.allocate(MAGIC.length + body.length).put(MAGIC).put(body).array();
	}

	/** Stored packed rows as they were packed. */
	public byte[] open(byte[] stored) {
		if (!isSealed(stored)) {
			return stored;
		}
		return this.cipher.decrypt(Arrays.copyOfRange(stored, MAGIC.length, stored.length));
	}

	/** A stream of stored packed rows as they were packed; a sealed one is read whole to be opened. */
	InputStream open(InputStream stored) {
		BufferedInputStream in = new BufferedInputStream(stored, 1 << 16);
		try {
			in.mark(MAGIC.length);
			byte[] head = in.readNBytes(MAGIC.length);
			in.reset();
			if (!isSealed(head)) {
				return in;
			}
			return new ByteArrayInputStream(open(in.readAllBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One row's JSON as it is to be stored for a table (an edit). */
	String storeRow(String table, String json) {
		return json == null || !sealed(table) ? json : this.cipher.encrypt(json);
	}

	/** A stored edit's JSON: a row's JSON opens with a brace, a sealed one with its key id. */
	String openRow(String stored) {
		return stored == null || stored.startsWith("{") ? stored : this.cipher.decrypt(stored);
	}

	/** Whether stored packed rows of the table are in clear, or sealed under a key being rotated out. */
	boolean needsSealing(String table, byte[] stored) {
		return sealed(table) && (!isSealed(stored)
				|| this.cipher.needsRotation(Arrays.copyOfRange(stored, MAGIC.length, stored.length)));
	}

	/** Whether a stored edit of the table is in clear, or sealed under a key being rotated out. */
	boolean needsSealing(String table, String stored) {
		return sealed(table) && stored != null && (stored.startsWith("{") || this.cipher.needsRotation(stored));
	}

	private static boolean isSealed(byte[] stored) {
		return stored.length >= MAGIC.length && Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
	}

}
