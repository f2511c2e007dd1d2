package app.vsxi.dashboard.approvals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.support.MigratedDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The approval requests as the database keeps them, on H2 and on PostgreSQL. */
abstract class ApprovalStoreContract {

	private final MigratedDatabase database = database();

	private final ApprovalRequests requests = new ApprovalRequests(this.database.jdbc());

	abstract MigratedDatabase database();

	@AfterEach
	void drop() {
		this.database.drop();
	}

	private long request(String subject, List<Long> sbcs, Instant now) {
		return this.requests.insert("C-0000ABCD", ApprovalKind.FLEET_CHANGE, subject, sbcs, "Fleet-wide change: x",
				"a".repeat(64), "the calls\nline two", "OPERATE", "ann", List.of("ann", "bob"), ApprovalState.PENDING, now,
				now.plus(8, ChronoUnit.HOURS), false, null);
	}

	@Test
	void aRequestIsKeptWithItsTargetsAndMovesOnlyFromTheStateItIsIn() {
		long one = this.database.addSbc("sbc-1");
		long two = this.database.addSbc("sbc-2");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		long id = request("change:1", List.of(one, two), now);

		ApprovalRequest kept = this.requests.find(id).orElseThrow();
		assertThat(kept.changeId()).isEqualTo("C-0000ABCD");
		assertThat(kept.sbcId()).as("a request of several SBCs names none alone").isNull();
		assertThat(kept.editors()).containsExactly("ann", "bob");
		assertThat(kept.preview()).isEqualTo("the calls\nline two");
		assertThat(kept.createdAt()).isEqualTo(now);
		assertThat(kept.expiresAt()).isEqualTo(now.plus(8, ChronoUnit.HOURS));
		assertThat(this.requests.targets(id)).containsExactly(one, two);
		assertThat(this.requests.open("change:1")).map(ApprovalRequest::id).contains(id);

		assertThat(this.requests.approve(id, "carl", now, now.plus(1, ChronoUnit.HOURS))).isTrue();
		assertThat(this.requests.approve(id, "dora", now, now.plus(1, ChronoUnit.HOURS))).as("approved once").isFalse();
		ApprovalRequest approved = this.requests.find(id).orElseThrow();
		assertThat(approved.state()).isEqualTo(ApprovalState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo("carl");
		assertThat(this.requests.move(id, ApprovalState.PENDING, ApprovalState.REJECTED, "x", now, "late")).isFalse();
		assertThat(this.requests.move(id, ApprovalState.APPROVED, ApprovalState.SENT, null, null, null)).isTrue();
		ApprovalRequest sent = this.requests.find(id).orElseThrow();
		assertThat(sent.state()).isEqualTo(ApprovalState.SENT);
		assertThat(sent.decidedBy()).as("kept where the move names nobody").isEqualTo("carl");
		assertThat(this.requests.open("change:1")).isEmpty();
		assertThat(this.requests.latest("change:1")).map(ApprovalRequest::id).contains(id);
		assertThat(this.requests.inState(ApprovalState.SENT)).extracting(ApprovalRequest::id).containsExactly(id);
	}

	@Test
	void everyEditorIsKeptHoweverLongTheList() {
		long sbc = this.database.addSbc("sbc-1");
		Instant now = Instant.now();
		List<String> editors = java.util.stream.IntStream.range(0, 200).mapToObj(i -> "editor-number-" + i).toList();

		long id = this.requests.insert("C-2", ApprovalKind.APPLY, "draft:9", List.of(sbc), "Apply", "d".repeat(64), "calls",
				"OPERATE", "ann", editors, ApprovalState.PENDING, now, now.plusSeconds(60), false, null);

		assertThat(this.requests.find(id).orElseThrow().editors()).isEqualTo(editors);
	}

	@Test
	void aBreakGlassSendWaitsForItsReviewOnce() {
		long sbc = this.database.addSbc("sbc-1");
		Instant now = Instant.now();
		long id = this.requests.insert("C-1", ApprovalKind.REPLACE, "draft:5", List.of(sbc), "Replace", "b".repeat(64),
				"calls", "OPERATE", "root", List.of("root"), ApprovalState.BROKEN_GLASS, now, now, true, "the carrier is down");

		assertThat(this.requests.unreviewed()).extracting(ApprovalRequest::id).containsExactly(id);
		ApprovalRequest glass = this.requests.find(id).orElseThrow();
		assertThat(glass.sbcId()).isEqualTo(sbc);
		assertThat(glass.reason()).isEqualTo("the carrier is down");
		assertThat(glass.decidedBy()).isEqualTo("root");
		assertThat(glass.awaitingReview()).isTrue();
		assertThat(this.requests.review(id, "admin-2")).isTrue();
		assertThat(this.requests.review(id, "admin-3")).isFalse();
		assertThat(this.requests.unreviewed()).isEmpty();
		assertThat(this.requests.newest(10)).extracting(ApprovalRequest::reviewedBy).containsExactly("admin-2");
	}

}
