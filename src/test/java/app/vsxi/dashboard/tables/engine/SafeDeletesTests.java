package app.vsxi.dashboard.tables.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table as three boxes would hold it after the same updates: one keyed on alias alone, one on alias and
 * tableId (the dashboard's key) and one on alias, tableId and digitMatch. Each expected table is written out by
 * hand from what that box does with an update.
 */
class SafeDeletesTests {

	private static final TableRow KEPT = route("k", "1", "1555");

	private static final TableRow OLD = route("a", "1", "1201");

	/** The same route moved to table 2: a key edit. */
	private static final TableRow MOVED = route("a", "2", "1201");

	/** The same route with another prefix: not a key edit for the dashboard. */
	private static final TableRow REPREFIXED = route("a", "1", "1202");

	private static LargeTableDiff.RowSource box(TableRow... rows) {
		return List.of(rows)::forEach;
	}

	private static TableDiff diff(List<TableRow> before, List<TableRow> after) {
		return KeyedDiff.diff(before, after, ROUTE_KEY);
	}

	@Test
	void aKeyEditOnABoxKeyedOnFewerFieldsDeletesNothingBecauseTheUpdateRewroteTheRowInPlace() {
		TableDiff sent = diff(List.of(KEPT, OLD), List.of(KEPT, MOVED));
		// alias-keyed box: update(a/2) found alias a and rewrote it
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, MOVED), ROUTE_KEY);

		assertThat(decision.deletes()).isEmpty();
		assertThat(decision.alreadyGone()).containsExactly(OLD);
		assertThat(decision.heldBack()).isEmpty();
		assertThat(decision.notTaken()).isEmpty();
	}

	@Test
	void aKeyEditOnABoxKeyedLikeTheDashboardDeletesTheOldRowOnceItsReplacementIsThere() {
		TableDiff sent = diff(List.of(KEPT, OLD), List.of(KEPT, MOVED));
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, OLD, MOVED), ROUTE_KEY);

		assertThat(decision.deletes()).containsExactly(OLD);
		assertThat(decision.oldVersions()).isEmpty();
		assertThat(decision.alreadyGone()).isEmpty();
	}

	@Test
	void aChangedFieldThatIsPartOfAWiderKeyLeavesTwoRowsAndTheOldOneIsDeleted() {
		TableDiff sent = diff(List.of(KEPT, OLD), List.of(KEPT, REPREFIXED));
		assertThat(sent.changed()).hasSize(1);
		// alias+tableId+digitMatch box: update(a/1/1202) matched nothing and was inserted beside a/1/1201
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, OLD, REPREFIXED), ROUTE_KEY);

		assertThat(decision.deletes()).containsExactly(OLD);
		assertThat(decision.oldVersions()).containsExactly(OLD);
	}

	@Test
	void aChangedRowRewrittenInPlaceNeedsNoDelete() {
		TableDiff sent = diff(List.of(KEPT, OLD), List.of(KEPT, REPREFIXED));
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, REPREFIXED), ROUTE_KEY);

		assertThat(decision.deletes()).isEmpty();
		assertThat(decision.isQuiet()).isTrue();
	}

	@Test
	void theOldVersionOfAChangedRowStaysWhileItsNewVersionIsMissing() {
		TableDiff sent = diff(List.of(KEPT, OLD), List.of(KEPT, REPREFIXED));
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, OLD), ROUTE_KEY);

		assertThat(decision.deletes()).isEmpty();
		assertThat(decision.notTaken()).containsExactly(REPREFIXED);
	}

	@Test
	void aDroppedReplacementHoldsBackEveryDeleteAndSaysWhy() {
		TableRow removed = route("gone", "1", "1999");
		TableDiff sent = diff(List.of(KEPT, OLD, removed), List.of(KEPT, MOVED));
		// a Large update the box answered 300: a/2 was dropped
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, OLD, removed), ROUTE_KEY);

		assertThat(decision.deletes()).isEmpty();
		assertThat(decision.heldBack()).containsExactly(OLD, removed);
		assertThat(decision.notTaken()).containsExactly(MOVED);
		assertThat(decision.why()).contains("1 of the rows sent by update is not on the box");
	}

	@Test
	void aPlainDeleteGoesWhenEveryUpdateWasTaken() {
		TableRow removed = route("gone", "1", "1999");
		TableDiff sent = diff(List.of(KEPT, removed), List.of(KEPT));
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, removed), ROUTE_KEY);

		assertThat(decision.deletes()).containsExactly(removed);
		assertThat(decision.why()).isNull();
	}

	@Test
	void aRowThatIsNoLongerExactlyAsReadIsNotDeleted() {
		TableRow removed = route("gone", "1", "1999");
		TableDiff sent = diff(List.of(KEPT, removed), List.of(KEPT));
		SafeDeletes.Decision decision = SafeDeletes.decide(sent, box(KEPT, route("gone", "1", "1888")), ROUTE_KEY);

		assertThat(decision.deletes()).isEmpty();
		assertThat(decision.alreadyGone()).containsExactly(removed);
	}

	@Test
	void anUnreadTableDeletesNothing() {
		TableRow removed = route("gone", "1", "1999");
		SafeDeletes.Decision decision = SafeDeletes.Decision.unread(diff(List.of(KEPT, removed), List.of(KEPT)),
				ROUTE_KEY);

		assertThat(decision.deletes()).isEmpty();
		assertThat(decision.heldBack()).containsExactly(removed);
		assertThat(decision.label(removed)).isEqualTo("gone / 1");
		assertThat(decision.text()).isEqualTo("after the updates: 0 deleted (0 old versions the box kept beside their"
				+ " new one), 0 already gone, 1 held back (the table could not be read back after the updates), 0 not"
				+ " taken");
	}

	@Test
	void deletesThatCannotBeSentAreHeldBackWithTheReason() {
		TableRow removed = route("gone", "1", "1999");
		SafeDeletes.Decision decision = SafeDeletes.decide(diff(List.of(KEPT, removed), List.of(KEPT)),
				box(KEPT, removed), ROUTE_KEY).notDeleted("this table takes no delete");

		assertThat(decision.deletes()).isEmpty();
		assertThat(decision.heldBack()).containsExactly(removed);
		assertThat(decision.why()).isEqualTo("this table takes no delete");
	}

	@Test
	void aDecisionIsWorthAnAuditLineOnlyWhenItDidMoreOrLessThanPlanned() {
		assertThat(SafeDeletes.Decision.none().isQuiet()).isTrue();
		assertThat(SafeDeletes.Decision.none().deletes()).isEmpty();
		SafeDeletes.Decision wider = SafeDeletes.decide(diff(List.of(KEPT, OLD), List.of(KEPT, REPREFIXED)),
				box(KEPT, OLD, REPREFIXED), ROUTE_KEY);

		assertThat(wider.isQuiet()).isFalse();
	}

}
