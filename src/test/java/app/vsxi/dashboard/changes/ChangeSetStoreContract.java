package app.vsxi.dashboard.changes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.MigratedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Change sets and their targets as the database keeps them, on H2 and on PostgreSQL. */
abstract class ChangeSetStoreContract {

	private final MigratedDatabase database = database();

	private final ChangeSetStore store = new ChangeSetStore(this.database.jdbc());

	abstract MigratedDatabase database();

	@AfterEach
	void drop() {
		this.database.drop();
	}

	@Test
	void aChangeSetKeepsItsEditsTargetsWavesAndEachTargetsProgress() {
		long one = this.database.addSbc("sbc-1");
		long two = this.database.addSbc("sbc-2");
		long three = this.database.addSbc("sbc-3");
		ChangeEdits edits = new ChangeEdits(List.of(new ChangeEdits.Edit(ChangeEdits.Kind.CHANGE, List.of("a", "1"),
				Map.of("maxLen", "9")), new ChangeEdits.Edit(ChangeEdits.Kind.DELETE, List.of("b", "1"), Map.of())));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		long id = this.store.insert("C-00000001", "route", "raise", one, edits, "ann", new Waves(2, 1), now);
		this.store.targets(id, List.of(two, one, three), new Waves(2, 1), now);

		ChangeSet set = this.store.find(id).orElseThrow();
		assertThat(set.edits()).isEqualTo(edits);
		assertThat(set.state()).isEqualTo(ChangeSet.State.DRAFT);
		assertThat(set.editors()).containsExactly("ann");
		assertThat(set.createdAt()).isEqualTo(now);
		assertThat(this.store.targets(id)).extracting(ChangeTarget::sbcName, ChangeTarget::position, ChangeTarget::wave)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("sbc-2", 0, 0),
					org.assertj.core.groups.Tuple.tuple("sbc-1", 1, 1), org.assertj.core.groups.Tuple.tuple("sbc-3", 2, 1));

		this.store.waves(id, new Waves(1, 0));
		this.store.editors(id, List.of("ann", "bob"));
		this.store.preview(id, one, ChangeTarget.State.PREVIEWED, 77L, "h".repeat(64), 2, "calls", "change a: 1 → 9",
				null, now);
		this.store.sent(id, one, ChangeTarget.State.VERIFIED, 12L, "verified", now);
		assertThat(this.store.move(id, ChangeSet.State.DRAFT, ChangeSet.State.PREVIEWED, "ok", now)).isTrue();
		assertThat(this.store.move(id, ChangeSet.State.DRAFT, ChangeSet.State.RUNNING, "late", now)).isFalse();
		this.store.started(id, "s".repeat(64), "instance-a");
		this.store.pauseAsked(id, true);

		ChangeSet after = this.store.find(id).orElseThrow();
		assertThat(after.state()).isEqualTo(ChangeSet.State.PREVIEWED);
		assertThat(after.waveSize()).isEqualTo(1);
		assertThat(after.maxFailures()).isZero();
		assertThat(after.editors()).containsExactly("ann", "bob");
		assertThat(after.startedHash()).isEqualTo("s".repeat(64));
		assertThat(after.runner()).isEqualTo("instance-a");
		assertThat(after.pauseAsked()).isTrue();
		assertThat(this.store.targets(id)).extracting(ChangeTarget::wave).containsExactly(0, 1, 2);
		ChangeTarget sent = this.store.target(id, one).orElseThrow();
		assertThat(sent.state()).isEqualTo(ChangeTarget.State.VERIFIED);
		assertThat(sent.snapshotId()).isEqualTo(12L);
		assertThat(sent.draftId()).as("the applied draft is gone").isNull();
		assertThat(sent.payloadHash()).isEqualTo("h".repeat(64));
		assertThat(sent.notes()).isEqualTo("change a: 1 → 9");
		assertThat(sent.rows()).isEqualTo(2);
		assertThat(this.store.groupOf(this.store.find(id).orElseThrow())).isNotNull();
		assertThat(this.store.busy()).isEmpty();
		assertThat(this.store.newest(5)).extracting(ChangeSet::id).containsExactly(id);
	}

}
