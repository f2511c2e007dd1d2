package app.vsxi.dashboard.tables;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.gateway.TableRow;

import static app.vsxi.dashboard.tables.engine.Rows.ROUTE_KEY;
import static app.vsxi.dashboard.tables.engine.Rows.route;
import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;
import app.vsxi.dashboard.tables.engine.KeyedDiff;
import app.vsxi.dashboard.tables.engine.TableDiff;

class AuditedChangesTests {

	private static final EditableTable ROUTE = EditableTable.named("route").orElseThrow();

	private static final EditableTable SUBSCRIBER = EditableTable.named("subscriber").orElseThrow();

	@Test
	void eachChangedFieldReadsOldArrowNewUnderItsRowAndAddedAndRemovedRowsByTheirKey() {
		TableDiff diff = KeyedDiff.diff(List.of(route("a", "1", "555"), route("b", "1", "666")),
				List.of(route("a", "1", "777"), route("c", "2", "888")), ROUTE_KEY);

		assertThat(AuditedChanges.text(ROUTE, diff, 1000))
			.isEqualTo("; changes: a / 1: digitMatch: 555 → 777; added c / 2; removed b / 1");
	}

	@Test
	void aChangedSubscriberPasswordReadsPasswordChangedWithoutEitherValue() {
		List<String> key = List.of("username", "userDomain");
		TableRow before = row("username", "alice", "userDomain", "example.net", "password", "Old-Secret-1",
				"displayName", "Alice");
		TableRow after = before.with("password", "New-Secret-2");
		TableDiff diff = KeyedDiff.diff(List.of(before), List.of(after), key);

		String text = AuditedChanges.text(SUBSCRIBER, diff, 1000);

		assertThat(text).isEqualTo("; changes: alice / example.net: password changed");
		assertThat(text).doesNotContain("Old-Secret-1").doesNotContain("New-Secret-2");
	}

	@Test
	void pastTwentyChangesTheRestAreCountedAsAndNMore() {
		List<TableRow> before = new ArrayList<>();
		List<TableRow> after = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			before.add(route("r" + i, "1", "100"));
			after.add(route("r" + i, "1", "200"));
		}
		String text = AuditedChanges.text(ROUTE, KeyedDiff.diff(before, after, ROUTE_KEY), 1900);

		assertThat(text).contains("r19 / 1: digitMatch: 100 → 200").doesNotContain("r20 / 1").endsWith("; and 5 more changes");
	}

	@Test
	void theChangesStayWithinTheRoomLeftAndSayHowManyMoreThereAre() {
		List<TableRow> before = new ArrayList<>();
		List<TableRow> after = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			before.add(route("r" + i, "1", "x".repeat(50)));
			after.add(route("r" + i, "1", "y".repeat(50)));
		}
		String text = AuditedChanges.text(ROUTE, KeyedDiff.diff(before, after, ROUTE_KEY), 300);

		assertThat(text.length()).isLessThanOrEqualTo(300);
		assertThat(text).startsWith("; changes: r0 / 1: digitMatch: xxx").contains("more changes");
		assertThat(AuditedChanges.text(ROUTE, KeyedDiff.diff(before, after, ROUTE_KEY), 5))
			.isEqualTo("; 10 changes not listed");
	}

}
