package app.vsxi.dashboard.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.calls.PendingActions.Ready;
import app.vsxi.dashboard.calls.PendingActions.Refusal;
import app.vsxi.dashboard.calls.PendingActions.Refused;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.support.MigratedDatabase;
import app.vsxi.dashboard.support.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Previews waiting for their confirmation: a few per user and kind, the oldest replaced by a newer one, and a token
 * that no longer confirms anything tells why.
 */
class PendingPreviewsTests {

	private static final long SBC = 7;

	private final MovableClock clock = MovableClock.at(Instant.parse("2026-12-01T10:00:00Z"));

	private final CallsProperties properties = new CallsProperties(50, Duration.ofSeconds(5), 100, Duration.ofSeconds(8),
			Duration.ofSeconds(2), Duration.ofMinutes(5), 2, Duration.ofSeconds(10));

	private final MigratedDatabase database = MigratedDatabase.h2();

	private final PendingActions pending = new PendingActions(this.database.jdbc(), this.properties, this.clock);

	@Test
	void aUsersThirdPreviewReplacesTheirFirstAndLeavesTheSecondAndOtherUsersAlone() {
		String first = this.pending.put("ann", SBC, kill("1"));
		String second = this.pending.put("ann", SBC, kill("2"));
		String others = this.pending.put("bob", SBC, kill("9"));
		String third = this.pending.put("ann", SBC, kill("3"));

		assertThat(this.pending.peek(first, "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.REPLACED));
		assertThat(this.pending.peek(second, "ann", SBC, PlannedKill.class)).isEqualTo(new Ready<>(kill("2")));
		assertThat(this.pending.peek(third, "ann", SBC, PlannedKill.class)).isEqualTo(new Ready<>(kill("3")));
		assertThat(this.pending.peek(others, "bob", SBC, PlannedKill.class)).isEqualTo(new Ready<>(kill("9")));
		assertThat(this.pending.size()).isEqualTo(3);
	}

	@Test
	void killsAndRegistrationDeletesCountApart() {
		String kill = this.pending.put("ann", SBC, kill("1"));
		this.pending.put("ann", SBC, delete("r1"));
		this.pending.put("ann", SBC, delete("r2"));

		assertThat(this.pending.peek(kill, "ann", SBC, PlannedKill.class)).isInstanceOf(Ready.class);
	}

	@Test
	void aTokenPastItsTimeIsExpiredAndAnUsedOneIsUsed() {
		String late = this.pending.put("ann", SBC, kill("1"));
		String sent = this.pending.put("ann", SBC, kill("2"));
		assertThat(this.pending.remove(sent)).isTrue();
		this.clock.move(Duration.ofMinutes(5).plusSeconds(1));

		assertThat(this.pending.peek(late, "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.EXPIRED));
		assertThat(this.pending.peek(sent, "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.USED));
		assertThat(this.pending.remove(sent)).isFalse();
	}

	@Test
	void anotherUsersOrAnotherSbcsOrANeverIssuedTokenIsUnknown() {
		String token = this.pending.put("ann", SBC, kill("1"));
		String used = this.pending.put("ann", SBC, kill("2"));
		this.pending.remove(used);

		assertThat(this.pending.peek(token, "bob", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.UNKNOWN));
		assertThat(this.pending.peek(used, "bob", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.UNKNOWN));
		assertThat(this.pending.peek(token, "ann", SBC + 1, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.UNKNOWN));
		assertThat(this.pending.peek("never-issued", "ann", SBC, PlannedKill.class))
			.isEqualTo(new Refused<>(Refusal.UNKNOWN));
		assertThat(this.pending.peek(null, "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.UNKNOWN));
	}

	@Test
	void endedTokensAreRememberedOnlyForAWhileAndOnlyAFewPerUser() {
		List<String> tokens = List.of(this.pending.put("ann", SBC, kill("1")), this.pending.put("ann", SBC, kill("2")),
				this.pending.put("ann", SBC, kill("3")), this.pending.put("ann", SBC, kill("4")),
				this.pending.put("ann", SBC, kill("5")));

		// three replaced, but only the latest two remembered as such
		assertThat(tokens.stream().map(token -> this.pending.peek(token, "ann", SBC, PlannedKill.class)).toList())
			.containsExactly(new Refused<>(Refusal.UNKNOWN), new Refused<>(Refusal.REPLACED), new Refused<>(Refusal.REPLACED),
					new Ready<>(kill("4")), new Ready<>(kill("5")));
		this.clock.move(Duration.ofMinutes(11));
		this.pending.put("ann", SBC, kill("6"));
		assertThat(this.pending.peek(tokens.get(2), "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.UNKNOWN));
		assertThat(this.pending.size()).isEqualTo(1);
	}

	@Test
	void theReplacedSentenceSaysNewerPreviewsReplacedItAndToPreviewAgain() {
		assertThat(Refusal.REPLACED.sentence("kill", this.properties))
			.isEqualTo("This preview was replaced by newer previews: each user keeps only the latest 2. "
					+ "Nothing was sent; preview the kill again.");
		assertThat(Refusal.EXPIRED.sentence("delete", this.properties)).contains("within 5 min")
			.contains("preview the delete again");
	}

	@Test
	void aTokenIsGoodUpToTheEndOfItsTimeAndAnEndedOneIsRememberedAsLong() {
		String token = this.pending.put("ann", SBC, kill("1"));
		String sent = this.pending.put("ann", SBC, kill("2"));
		this.pending.remove(sent);
		this.clock.move(Duration.ofMinutes(5));

		assertThat(this.pending.peek(token, "ann", SBC, PlannedKill.class)).isEqualTo(new Ready<>(kill("1")));
		this.pending.put("bob", SBC, kill("9"));
		assertThat(this.pending.peek(sent, "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.USED));
		assertThat(this.pending.size()).isEqualTo(2);
	}

	@Test
	void anExpiredTokenIsSweptAwayByTheNextPreviewOfAnyone() {
		String late = this.pending.put("ann", SBC, kill("1"));
		this.clock.move(Duration.ofMinutes(5).plusMillis(1));
		this.pending.put("bob", SBC, kill("9"));

		assertThat(this.pending.size()).isEqualTo(1);
		assertThat(this.pending.remove(late)).isFalse();
		assertThat(this.pending.peek(late, "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.EXPIRED));
	}

	@Test
	void aTokenConfirmsOnlyTheKindOfActionItWasIssuedFor() {
		String kill = this.pending.put("ann", SBC, kill("1"));

		assertThat(this.pending.peek(kill, "ann", SBC, RegistrationsService.PlannedDelete.class))
			.isEqualTo(new Refused<>(Refusal.UNKNOWN));
		assertThat(this.pending.peek(kill, "ann", SBC, PlannedKill.class)).isEqualTo(new Ready<>(kill("1")));
	}

	@Test
	void aConfirmedTokenIsUsedOnceAndTheOthersWait() {
		String first = this.pending.put("ann", SBC, kill("1"));
		String second = this.pending.put("ann", SBC, kill("2"));

		assertThat(this.pending.remove(first)).isTrue();
		assertThat(this.pending.remove(first)).isFalse();
		assertThat(this.pending.remove("never-issued")).isFalse();
		assertThat(this.pending.size()).isEqualTo(1);
		assertThat(this.pending.peek(second, "ann", SBC, PlannedKill.class)).isEqualTo(new Ready<>(kill("2")));
	}

	@Test
	void aCapBelowOneStillKeepsTheLatestPreviewAndRemembersTheOneItReplaced() {
		PendingActions one = new PendingActions(this.database.jdbc(), new CallsProperties(50, Duration.ofSeconds(5), 100,
				Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofMinutes(5), 0, Duration.ofSeconds(10)),
				this.clock);
		String first = one.put("ann", SBC, kill("1"));
		String second = one.put("ann", SBC, kill("2"));

		assertThat(one.peek(second, "ann", SBC, PlannedKill.class)).isEqualTo(new Ready<>(kill("2")));
		assertThat(one.peek(first, "ann", SBC, PlannedKill.class)).isEqualTo(new Refused<>(Refusal.REPLACED));
		assertThat(one.size()).isEqualTo(1);
	}

	@Test
	void everyRefusalSaysWhatHappenedAndWhatToDo() {
		assertThat(Refusal.UNKNOWN.sentence("kill", this.properties))
			.isEqualTo("This confirmation is unknown (it was never issued to you for this SBC), so nothing was sent; "
					+ "preview the kill again.");
		assertThat(Refusal.EXPIRED.sentence("delete", this.properties))
			.isEqualTo("This confirmation expired: a preview may be confirmed within 5 min. Nothing was sent; "
					+ "preview the delete again.");
		assertThat(Refusal.USED.sentence("kill", this.properties))
			.isEqualTo("This confirmation was already used: the kill was sent once, and nothing more was sent.");
		CallsProperties ninetySeconds = new CallsProperties(50, Duration.ofSeconds(5), 100, Duration.ofSeconds(8),
				Duration.ofSeconds(2), Duration.ofSeconds(90), 2, Duration.ofSeconds(10));
		assertThat(Refusal.EXPIRED.sentence("kill", ninetySeconds)).startsWith(
				"This confirmation expired: a preview may be confirmed within 90 s. ");
	}

	private static PlannedKill kill(String slot) {
		return PlannedKill.of(KillFormat.CSV, List.of(new TableRow(java.util.Map.of("ssm_index", slot, "callID",
				"c" + slot + "@x"))), false);
	}

	private static RegistrationsService.PlannedDelete delete(String id) {
		return RegistrationsService.PlannedDelete.of(List.of(new TableRow(java.util.Map.of("id", id, "username", "u"))),
				false);
	}

}
