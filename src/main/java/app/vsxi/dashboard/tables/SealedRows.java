package app.vsxi.dashboard.tables;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import app.vsxi.dashboard.fleet.CredentialCipher;
import app.vsxi.dashboard.gateway.TableRow;

/**
 * Seals the passwords of the box's own accounts (users) with the cipher that seals SBC passwords, so a draft of
 * them holds no password in clear, in the database or in memory; they are opened only to build the call that
 * carries them to the box.
 */
@Component
class SealedRows {

	static final String PREFIX = "sealed:";

	private final CredentialCipher cipher;

	SealedRows(CredentialCipher cipher) {
		this.cipher = cipher;
	}

	/** Whether the table's secret fields are kept sealed in its drafts. */
	static boolean sealedAtRest(EditableTable table) {
		return table.catalog().holdsBoxAccounts();
	}

	/** A row as it came from outside (an imported file): every secret value sealed, whatever it looks like. */
	TableRow seal(EditableTable table, TableRow row) {
		TableRow sealed = row;
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			sealed = sealed.with(field.getKey(), seal(table, field.getKey(), field.getValue()));
		}
		return sealed;
	}

	/** A value typed into one field, sealed if the field is secret. */
	Object seal(EditableTable table, String field, Object value) {
		if (!sealedAtRest(table) || !SecretFields.secret(table, field) || value == null
				|| value instanceof TableRow || value instanceof List<?> || String.valueOf(value).isEmpty()) {
			return value;
		}
		return PREFIX + this.cipher.encrypt(String.valueOf(value));
	}

	/** The passwords these rows carry, in clear: to blot out of whatever the box answers about them. */
	Set<String> opened(EditableTable table, List<TableRow> rows) {
		Set<String> secrets = new HashSet<>();
		for (TableRow row : rows) {
			unseal(table, row).fields().forEach((field, value) -> {
				if (SecretFields.secret(table, field) && value instanceof String text && !text.isEmpty()) {
					secrets.add(text);
				}
			});
		}
		return secrets;
	}

	/** The text with every one of the secrets in it replaced, longest first so none is left half shown. */
	static String blot(String text, Set<String> secrets) {
		if (text == null) {
			return null;
		}
		String blotted = text;
		for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
			blotted = blotted.replace(secret, "(password)");
		}
		return blotted;
	}

	/** The row as the box must receive it. */
	TableRow unseal(EditableTable table, TableRow row) {
		if (row == null || !sealedAtRest(table)) {
			return row;
		}
		TableRow open = row;
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			if (field.getValue() instanceof String text && text.startsWith(PREFIX)) {
				open = open.with(field.getKey(), this.cipher.decrypt(text.substring(PREFIX.length())));
			}
		}
		return open;
	}

}
