package app.vsxi.dashboard.calls;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Kills and deletes shown to an operator and waiting for their confirmation. The confirmation names only a token,
 * so what is sent is exactly what was shown, and only to the user and SBC it was shown for.
 */
@Component
class PendingActions {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final CallsProperties properties;

	PendingActions(CallsProperties properties) {
		this.properties = properties;
	}

	String put(String user, long sbcId, Object action) {
		Instant now = Instant.now();
		this.pending.values().removeIf(entry -> entry.expires().isBefore(now));
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		this.pending.put(token, new Pending(user, sbcId, now.plus(this.properties.confirmWithin()), action));
		return token;
	}

	/** The action behind the token if it is this user's, for this SBC, of this kind and not expired. */
	<T> Optional<T> peek(String token, String user, long sbcId, Class<T> type) {
		Pending entry = token == null ? null : this.pending.get(token);
		if (entry == null || !entry.user().equals(user) || entry.sbcId() != sbcId || !type.isInstance(entry.action())
				|| entry.expires().isBefore(Instant.now())) {
			return Optional.empty();
		}
		return Optional.of(type.cast(entry.action()));
	}

	/** A confirmed action is sent once. */
	boolean remove(String token) {
		return this.pending.remove(token) != null;
	}

	private record Pending(String user, long sbcId, Instant expires, Object action) {
	}

}
