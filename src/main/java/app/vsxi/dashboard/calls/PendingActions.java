package app.vsxi.dashboard.calls;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import app.vsxi.dashboard.gateway.TableRow;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kills and deletes shown to an operator and waiting for their confirmation, in the database, so that the
 * confirmation may reach another dashboard instance than the preview did. The confirmation names only a token,
 * so what is sent is exactly what was shown, and only to the user and SBC it was shown for; taking a token is one
 * conditional update, so however many instances a double click reaches, the action is sent once. Each user holds at most
 * {@link CallsProperties#pendingPerUser()} previews of each kind; a newer one drops their oldest. Tokens that
 * ended (used, replaced, expired) are remembered for a while, as many per user, so a confirmation of one is refused
 * with the reason rather than as unknown.
 */
@Component
class PendingActions {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Why a token no longer confirms anything. */
	enum Refusal {

		UNKNOWN, EXPIRED, USED, REPLACED;

		/** The sentence for the user, {@code what} being e.g. "kill" or "delete". */
		String sentence(String what, CallsProperties properties) {
			return switch (this) {
				case UNKNOWN -> "This confirmation is unknown (it was never issued to you for this SBC), so nothing was "
						+ "sent; preview the " + what + " again.";
				case EXPIRED -> "This confirmation expired: a preview may be confirmed within "
						+ words(properties.confirmWithin()) + ". Nothing was sent; preview the " + what + " again.";
				case USED -> "This confirmation was already used: the " + what + " was sent once, and nothing more was sent.";
				case REPLACED -> "This preview was replaced by newer previews: each user keeps only the latest "
						+ properties.pendingPerUser() + ". Nothing was sent; preview the " + what + " again.";
			};
		}

		private static String words(Duration duration) {
			long seconds = duration.toSeconds();
			return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
		}

	}

	/** What a confirmation's token finds: the action to send, or why there is none. */
	sealed interface Found<T> permits Ready, Refused {
	}

	record Ready<T>(T action) implements Found<T> {
	}

	record Refused<T>(Refusal why) implements Found<T> {
	}

	private static final JsonMapper JSON = JsonMapper.builder().addMixIn(TableRow.class, RowAsFields.class).build();

	/** The kinds of action kept, by the name stored with each. */
	private static final Map<String, Class<?>> KINDS = Map.of("kill", PlannedKill.class, "registration-delete",
			RegistrationsService.PlannedDelete.class);

	private final JdbcTemplate jdbc;

	private final CallsProperties properties;

	private final Clock clock;

	@Autowired
	PendingActions(JdbcTemplate jdbc, CallsProperties properties) {
		this(jdbc, properties, Clock.systemUTC());
	}

	PendingActions(JdbcTemplate jdbc, CallsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** Keeps the action for the user's confirmation and returns its token; their oldest of this kind goes beyond the cap. */
	@Transactional
	String put(String user, long sbcId, Object action) {
		long now = this.clock.millis();
		sweep(now);
		String kind = kind(action.getClass());
		List<String> mine = this.jdbc.queryForList("SELECT token FROM pending_action WHERE username = ? AND kind = ? "
				+ "AND ended IS NULL ORDER BY seq", String.class, user, kind);
		int over = mine.size() + 1 - Math.max(1, this.properties.pendingPerUser());
		for (int i = 0; i < over; i++) {
			end(mine.get(i), user, Refusal.REPLACED, now);
		}
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		this.jdbc.update("INSERT INTO pending_action (token, username, sbc_id, kind, payload, created_at, expires_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)", token, user, sbcId, kind, JSON.writeValueAsBytes(action), now,
				now + this.properties.confirmWithin().toMillis());
		return token;
	}

	/** The action behind the token if it is this user's, for this SBC, of this kind and not expired; else why not. */
	<T> Found<T> peek(String token, String user, long sbcId, Class<T> type) {
		long now = this.clock.millis();
		Stored entry = token == null ? null : this.jdbc.query("SELECT username, sbc_id, kind, payload, expires_at, "
				+ "ended FROM pending_action WHERE token = ?", (row, index) -> new Stored(row.getString(1),
						row.getLong(2), row.getString(3), row.getBytes(4), row.getLong(5), row.getString(6)), token).stream().findFirst().orElse(null);
		if (entry == null || entry.ended() != null) {
			// another user's token stays unknown to this one, so it tells them nothing about it
			return new Refused<>(entry == null || !entry.user().equals(user) ? Refusal.UNKNOWN
					: Refusal.valueOf(entry.ended()));
		}
		if (!entry.user().equals(user) || entry.sbcId() != sbcId || !entry.kind().equals(kind(type))) {
			return new Refused<>(Refusal.UNKNOWN);
		}
		if (entry.expires() < now) {
			end(token, user, Refusal.EXPIRED, now);
			return new Refused<>(Refusal.EXPIRED);
		}
		return new Ready<>(JSON.readValue(entry.payload(), type));
	}

	/** A confirmed action is sent once: true for the one confirmation, on whichever instance, that takes it. */
	boolean remove(String token) {
		long now = this.clock.millis();
		return this.jdbc.update("UPDATE pending_action SET ended = ?, forget_at = ? WHERE token = ? AND ended IS NULL",
				Refusal.USED.name(), now + this.properties.confirmWithin().toMillis(), token) == 1;
	}

	/** How many previews are waiting, all users together. */
	int size() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM pending_action WHERE ended IS NULL", Integer.class);
		return count == null ? 0 : count;
	}

	private void end(String token, String user, Refusal why, long now) {
		if (this.jdbc.update("UPDATE pending_action SET ended = ?, forget_at = ? WHERE token = ? AND ended IS NULL",
				why.name(), now + this.properties.confirmWithin().toMillis(), token) == 0) {
			return;
		}
		List<String> remembered = this.jdbc.queryForList("SELECT token FROM pending_action WHERE username = ? AND "
				+ "ended IS NOT NULL ORDER BY seq", String.class, user);
		for (int i = 0; i < remembered.size() - Math.max(1, this.properties.pendingPerUser()); i++) {
			this.jdbc.update("DELETE FROM pending_action WHERE token = ?", remembered.get(i));
		}
	}

	private void sweep(long now) {
		List<Map<String, Object>> expired = this.jdbc.queryForList("SELECT token, username FROM pending_action "
				+ "WHERE ended IS NULL AND expires_at < ?", now);
		expired.forEach(row -> end((String) row.get("token"), (String) row.get("username"), Refusal.EXPIRED, now));
		this.jdbc.update("DELETE FROM pending_action WHERE ended IS NOT NULL AND forget_at < ?", now);
	}

	private static String kind(Class<?> type) {
		return KINDS.entrySet().stream().filter(entry -> entry.getValue() == type).map(Map.Entry::getKey).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("not an action kept for confirmation: " + type));
	}

	private record Stored(String user, long sbcId, String kind, byte[] payload, long expires, String ended) {
	}

	/** A row is written as its fields, and read back from them. */
	abstract static class RowAsFields {

		@JsonCreator
		RowAsFields(Map<String, ?> fields) {
		}

		@JsonValue
		abstract Map<String, Object> fields();

	}

}
