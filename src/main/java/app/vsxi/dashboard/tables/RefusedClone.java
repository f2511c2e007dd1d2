package app.vsxi.dashboard.tables;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import app.vsxi.dashboard.tables.engine.RowKey;

/**
 * A clone the editor refused, kept for the page after the redirect: which row's clone form opens again, the key
 * values as typed, and the field the reason is about, so the page marks that field and ties the reason to it.
 *
 * @param key the source row's key, as the form sent it
 * @param field the key field refused, or null when the reason is about no one field
 * @param problem why the clone was refused
 * @param typed the new key values as typed, by field
 */
public record RefusedClone(String key, String field, String problem, Map<String, String> typed) implements Serializable {

	public RefusedClone {
		typed = new LinkedHashMap<>(typed);
	}

	/** Whether this refusal is about the clone form of the row with this key. */
	public boolean of(RowKey row) {
		return this.key.equals(row.text());
	}

}
