package app.vsxi.dashboard.tables.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import app.vsxi.dashboard.gateway.TableRow;

/**
 * A SHA-256 of exactly what a write sends: the table, then each call's action and rows in order, every field of
 * every row with its value. Two writes hash alike only if they would send the same calls; an approval is bound to
 * it. Every part is length-prefixed, so no choice of values can imitate another sequence of them.
 */
public final class PlanHash {

	private final MessageDigest digest;

	private PlanHash(String table) {
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		put("table");
		put(table);
	}

	/** The hash of these calls to this table. */
	public static String of(String table, List<ApplyPlan.Call> calls) {
		PlanHash hash = new PlanHash(table);
		calls.forEach(call -> hash.call(call.action(), call.rows()));
		return hash.hex();
	}

	/** A hash built call by call, for rows that are streamed rather than held in a list. */
	public static PlanHash of(String table) {
		return new PlanHash(table);
	}

	/** The hash of several parts (e.g. one plan hash per SBC of a change set), in the order given. */
	public static String ofParts(List<String> parts) {
		PlanHash hash = new PlanHash("parts");
		parts.forEach(hash::put);
		return hash.hex();
	}

	public PlanHash call(WriteAction action, Iterable<TableRow> rows) {
		put("call");
		put(action.name());
		rows.forEach(this::row);
		put("end");
		return this;
	}

	private void row(TableRow row) {
		put("row");
		put(Integer.toString(row.fields().size()));
		for (Map.Entry<String, Object> field : row.fields().entrySet()) {
			put(field.getKey());
			put(field.getValue() == null ? "\u0000null" : String.valueOf(field.getValue()));
		}
	}

	/** The rows a write changes against the box as read before it: binds a whole-table replace to that box. */
	public PlanHash against(TableDiff diff) {
		put("against");
		diff.added().forEach(change -> row(change.row()));
		put("removed");
		diff.removed().forEach(change -> row(change.row()));
		put("changed");
		diff.changed().forEach(change -> {
			row(change.before());
			row(change.after());
		});
		return this;
	}

	public String hex() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

	private void put(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		this.digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		this.digest.update(bytes);
	}

}
