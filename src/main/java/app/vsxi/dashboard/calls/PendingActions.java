package app.vsxi.dashboard.calls;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Kills and deletes shown to an operator and waiting for their confirmation. The confirmation names only a token,
 * so what is sent is exactly what was shown, and only to the user and SBC it was shown for. Each user holds at most
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

	private final Map<String, Pending> pending = new LinkedHashMap<>();

	private final Map<String, Ended> ended = new LinkedHashMap<>();

	private final CallsProperties properties;

	private final Clock clock;

	@Autowired
	PendingActions(CallsProperties properties) {
		this(properties, Clock.systemUTC());
	}

	PendingActions(CallsProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Keeps the action for the user's confirmation and returns its token; their oldest of this kind goes beyond the cap. */
	synchronized String put(String user, long sbcId, Object action) {
		Instant now = this.clock.instant();
		sweep(now);
		// both maps keep insertion order, so a user's first entries are their oldest
		List<String> mine = this.pending.entrySet().stream()
			.filter(entry -> entry.getValue().user().equals(user)
					&& entry.getValue().action().getClass() == action.getClass())
			.map(Entry::getKey).toList();
		int over = mine.size() + 1 - Math.max(1, this.properties.pendingPerUser());
		for (int i = 0; i < over; i++) {
			end(mine.get(i), Refusal.REPLACED, now);
		}
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		this.pending.put(token, new Pending(user, sbcId, now.plus(this.properties.confirmWithin()), action));
		return token;
	}

	/** The action behind the token if it is this user's, for this SBC, of this kind and not expired; else why not. */
	synchronized <T> Found<T> peek(String token, String user, long sbcId, Class<T> type) {
		Instant now = this.clock.instant();
		Pending entry = token == null ? null : this.pending.get(token);
		if (entry == null) {
			Ended gone = token == null ? null : this.ended.get(token);
			// another user's token stays unknown to this one, so it tells them nothing about it
			return new Refused<>(gone == null || !gone.user().equals(user) ? Refusal.UNKNOWN : gone.why());
		}
		if (!entry.user().equals(user) || entry.sbcId() != sbcId || !type.isInstance(entry.action())) {
			return new Refused<>(Refusal.UNKNOWN);
		}
		if (entry.expires().isBefore(now)) {
			end(token, Refusal.EXPIRED, now);
			return new Refused<>(Refusal.EXPIRED);
		}
		return new Ready<>(type.cast(entry.action()));
	}

	/** A confirmed action is sent once: true for the one confirmation that takes it. */
	synchronized boolean remove(String token) {
		if (!this.pending.containsKey(token)) {
			return false;
		}
		end(token, Refusal.USED, this.clock.instant());
		return true;
	}

	/** How many previews are waiting, all users together. */
	synchronized int size() {
		return this.pending.size();
	}

	private void end(String token, Refusal why, Instant now) {
		Pending entry = this.pending.remove(token);
		if (entry == null) {
			return;
		}
		this.ended.put(token, new Ended(entry.user(), why, now.plus(this.properties.confirmWithin())));
		List<String> remembered = this.ended.entrySet().stream()
			.filter(other -> other.getValue().user().equals(entry.user()))
			.map(Entry::getKey).toList();
		for (int i = 0; i < remembered.size() - Math.max(1, this.properties.pendingPerUser()); i++) {
			this.ended.remove(remembered.get(i));
		}
	}

	private void sweep(Instant now) {
		List<String> expired = this.pending.entrySet().stream().filter(entry -> entry.getValue().expires().isBefore(now))
			.map(Entry::getKey).toList();
		expired.forEach(token -> end(token, Refusal.EXPIRED, now));
		this.ended.values().removeIf(entry -> entry.forgetAt().isBefore(now));
	}

	private record Pending(String user, long sbcId, Instant expires, Object action) {
	}

	private record Ended(String user, Refusal why, Instant forgetAt) {
	}

}
