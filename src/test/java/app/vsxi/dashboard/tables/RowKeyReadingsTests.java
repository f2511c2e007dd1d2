package app.vsxi.dashboard.tables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.vsxi.dashboard.demo.DemoFleet;
import app.vsxi.dashboard.fleet.FleetService;
import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.gateway.GatewayResult;
import app.vsxi.dashboard.gateway.SbcEndpoint;
import app.vsxi.dashboard.gateway.TableCommands;
import app.vsxi.dashboard.gateway.TableDocument;
import app.vsxi.dashboard.gateway.TableRow;
import app.vsxi.dashboard.gateway.TableZip;
import app.vsxi.dashboard.simulator.Quirks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import app.vsxi.dashboard.support.SameApplication;
import app.vsxi.dashboard.tables.engine.RowKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No source names the fields a VSXi box matches {@code update} and {@code delete} on. Every edit the editor
 * offers (a changed field, a key edit, a clone, a delete, a roll back) is applied here to boxes that match rows on
 * fewer fields than the dashboard's key, on the same fields, and on more, and each must end holding exactly the
 * intended rows: none lost, none doubled. The intended table is the table read before, changed by hand.
 */
@SpringBootTest(properties = "vsxi.tables.snapshots-kept=4")
@ActiveProfiles({ "demo", "test" })
@WithUserDetails(value = "admin", setupBefore = TestExecutionEvent.TEST_METHOD)
@ResourceLock(providers = SameApplication.class)
class RowKeyReadingsTests {

	private static final String BOX = "demo-sbc-3";

	/**
	 * One table under one reading of its key.
	 *
	 * @param boxKey the fields the simulated box matches rows on
	 * @param changed a field outside the dashboard's key (inside the wider key of the wider reading)
	 * @param keyEdit a key field to edit, and how to change its value
	 * @param cloneKey the key field a clone gets a new value in
	 */
	record Reading(String name, EditableTable table, List<String> boxKey, String changed, String keyEdit,
			String cloneKey) {

		@Override
		public String toString() {
			return this.table.table() + " on a box keyed on " + this.boxKey + " (" + this.name + ")";
		}

	}

	static Stream<Arguments> readings() {
		return Stream.of(
				new Reading("narrower", EditableTable.ROUTE, List.of("alias"), "digitMatch", "tableId", "alias"),
				new Reading("the dashboard's", EditableTable.ROUTE, List.of("alias", "tableId"), "digitMatch",
						"tableId", "alias"),
				new Reading("wider", EditableTable.ROUTE, List.of("alias", "tableId", "digitMatch"), "digitMatch",
						"tableId", "alias"),
				new Reading("narrower", EditableTable.DIGIT_MAPPING, List.of("alias"), "origDnis", "tableId", "alias"),
				new Reading("the dashboard's", EditableTable.DIGIT_MAPPING, List.of("alias", "tableId"), "origDnis",
						"tableId", "alias"),
				new Reading("wider", EditableTable.DIGIT_MAPPING, List.of("alias", "tableId", "origDnis"), "origDnis",
						"tableId", "alias"),
				new Reading("narrower", EditableTable.SUBSCRIBER, List.of("username"), "alias", "userDomain",
						"username"),
				new Reading("the dashboard's", EditableTable.SUBSCRIBER, List.of("username", "userDomain"), "alias",
						"userDomain", "username"),
				new Reading("wider", EditableTable.SUBSCRIBER, List.of("username", "userDomain", "alias"), "alias",
						"userDomain", "username"))
			.map(Arguments::of);
	}

	@Autowired
	DraftOpening draftOpening;

	@Autowired
	DraftEdits draftEdits;

	@Autowired
	TableApplier applier;

	@Autowired
	FleetService fleet;

	@Autowired
	TableCommands gateway;

	@Autowired
	DemoFleet demo;

	@AfterEach
	void boxKeysItsOwnWayAgain() {
		this.demo.box(BOX).quirks(Map.of("rowKeys", Quirks.DEFAULTS.rowKeys()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readings")
	void aChangedFieldEndsOnTheBoxOnce(Reading reading) {
		Fixture fixture = new Fixture(reading);
		TableRow target = fixture.before.get(1);
		TableRow changed = target.with(reading.changed(), text(target, reading.changed()) + "7");

		fixture.edit(target, reading.changed(), text(changed, reading.changed()));
		TableApplier.ApplyOutcome.Applied applied = fixture.apply();

		assertThat(applied.verification().matches()).as(applied.toString()).isTrue();
		fixture.assertBoxHolds(replace(fixture.before, target, changed));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readings")
	void aKeyEditMovesTheRowAndLeavesNoCopyBehind(Reading reading) {
		Fixture fixture = new Fixture(reading);
		TableRow target = fixture.before.get(2);
		TableRow moved = target.with(reading.keyEdit(), otherKeyValue(reading, target));

		TableApplier.Preview preview = fixture.edit(target, reading.keyEdit(), text(moved, reading.keyEdit()));
		TableApplier.ApplyOutcome.Applied applied = fixture.apply();

		assertThat(preview.order()).hasSize(4);
		assertThat(preview.order().get(0)).startsWith("update");
		assertThat(preview.order().get(1)).startsWith("Read the table back");
		assertThat(preview.order().get(2)).startsWith("delete").contains("only if the box still holds it");
		assertThat(applied.verification().matches()).as(applied.toString()).isTrue();
		fixture.assertBoxHolds(replace(fixture.before, target, moved));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readings")
	void aCloneUnderANewKeyIsAddedBesideItsSource(Reading reading) {
		Fixture fixture = new Fixture(reading);
		TableRow source = fixture.before.get(3);
		// a key of its own per reading: the readings run one after another on one box
		TableRow clone = source.with(reading.cloneKey(), text(source, reading.cloneKey()) + "c" + reading.boxKey().size());
		Map<String, String> keyValues = new java.util.HashMap<>();
		reading.table().keyFields().forEach(field -> keyValues.put(field, text(clone, field)));

		DraftEdits.EditResult result = this.draftEdits.cloneRow(fixture.sbcId, fixture.draftId,
				fixture.key(source), keyValues);
		assertThat(result.problem()).isNull();
		TableApplier.ApplyOutcome.Applied applied = fixture.apply();

		assertThat(applied.verification().matches()).as(applied.toString()).isTrue();
		List<TableRow> expected = new ArrayList<>(fixture.before);
		expected.add(clone);
		fixture.assertBoxHolds(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readings")
	void aDeletedRowGoesAndNoOther(Reading reading) {
		Fixture fixture = new Fixture(reading);
		TableRow target = fixture.before.get(4);

		this.draftEdits.delete(fixture.sbcId, fixture.draftId, fixture.key(target));
		TableApplier.ApplyOutcome.Applied applied = fixture.apply();

		assertThat(applied.verification().matches()).as(applied.toString()).isTrue();
		assertThat(applied.deletes().deletes()).containsExactly(target);
		List<TableRow> expected = new ArrayList<>(fixture.before);
		expected.remove(target);
		fixture.assertBoxHolds(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("readings")
	void rollingBackAKeyEditAndAChangeRestoresTheTableExactly(Reading reading) {
		Fixture fixture = new Fixture(reading);
		TableRow moving = fixture.before.get(5);
		TableRow changing = fixture.before.get(6);
		fixture.edit(moving, reading.keyEdit(), otherKeyValue(reading, moving));
		fixture.edit(changing, reading.changed(), text(changing, reading.changed()) + "9");
		long snapshot = fixture.apply().snapshotId();

		long rollback = ((DraftOpening.Opened.Draft) this.applier.rollback(fixture.sbcId, snapshot)).id();
		TableApplier.ApplyOutcome outcome = this.applier.apply(fixture.sbcId, rollback, Map.of());

		assertThat(outcome).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
		assertThat(((TableApplier.ApplyOutcome.Applied) outcome).verification().matches()).as(outcome.toString())
			.isTrue();
		fixture.assertBoxHolds(fixture.before);
	}

	/** A value of the key field being edited that no row of the table has with the rest of this row's key. */
	private static String otherKeyValue(Reading reading, TableRow row) {
		String value = text(row, reading.keyEdit());
		return "tableId".equals(reading.keyEdit()) ? String.valueOf(Long.parseLong(value) % 2 + 1)
				: "moved." + value;
	}

	private static String text(TableRow row, String field) {
		return String.valueOf(row.fields().get(field));
	}

	private static List<TableRow> replace(List<TableRow> rows, TableRow old, TableRow by) {
		return rows.stream().map(row -> row.equals(old) ? by : row).toList();
	}

	/** A row as text, field by field, so that a number read as 2 and typed as "2" compare equal. */
	private static String canonical(TableRow row) {
		Map<String, String> fields = new TreeMap<>();
		row.fields().forEach((name, value) -> fields.put(name, String.valueOf(value)));
		return fields.toString();
	}

	/** One table of the box under one reading, its rows as read first and an open draft of it. */
	private final class Fixture {

		final Reading reading;

		final long sbcId;

		final SbcEndpoint endpoint;

		final List<TableRow> before;

		final long draftId;

		Fixture(Reading reading) {
			this.reading = reading;
			Sbc sbc = RowKeyReadingsTests.this.fleet.visible().stream().filter(found -> found.name().equals(BOX))
				.findFirst().orElseThrow();
			this.sbcId = sbc.id();
			this.endpoint = RowKeyReadingsTests.this.fleet.endpoint(sbc);
			RowKeyReadingsTests.this.demo.box(BOX)
				.quirks(Map.of("rowKeys", Map.of(reading.table().table(), reading.boxKey())));
			this.before = download();
			assertThat(this.before).as("rows of " + reading.table().table()).hasSizeGreaterThan(7);
			this.draftId = ((DraftOpening.Opened.Draft) RowKeyReadingsTests.this.draftOpening.open(this.sbcId,
					reading.table().table())).id();
		}

		RowKey key(TableRow row) {
			return RowKey.of(row, this.reading.table().keyFields());
		}

		TableApplier.Preview edit(TableRow row, String field, String value) {
			DraftEdits.EditResult result = RowKeyReadingsTests.this.draftEdits.edit(this.sbcId, this.draftId,
					key(row), field, value);
			assertThat(result.problem()).as(field + " = " + value).isNull();
			return RowKeyReadingsTests.this.applier.preview(this.sbcId, this.draftId);
		}

		TableApplier.ApplyOutcome.Applied apply() {
			TableApplier.ApplyOutcome outcome = RowKeyReadingsTests.this.applier.apply(this.sbcId, this.draftId,
					Map.of());
			assertThat(outcome).as(outcome.toString()).isInstanceOf(TableApplier.ApplyOutcome.Applied.class);
			return (TableApplier.ApplyOutcome.Applied) outcome;
		}

		void assertBoxHolds(List<TableRow> expected) {
			assertThat(download().stream().map(RowKeyReadingsTests::canonical).toList())
				.containsExactlyInAnyOrderElementsOf(expected.stream().map(RowKeyReadingsTests::canonical).toList());
		}

		List<TableRow> download() {
			EditableTable table = this.reading.table();
			if (table.downloadsLarge()) {
				List<TableRow> rows = new ArrayList<>();
				GatewayResult<TableZip.Summary> result = RowKeyReadingsTests.this.gateway
					.downloadLarge(this.endpoint, table.catalog(), table.format(), rows::add)
					.block(Duration.ofMinutes(1));
				assertThat(result).isInstanceOf(GatewayResult.Ok.class);
				return rows;
			}
			GatewayResult<TableDocument> result = RowKeyReadingsTests.this.gateway
				.download(this.endpoint, table.catalog())
				.block(Duration.ofMinutes(1));
			assertThat(result).isInstanceOf(GatewayResult.Ok.class);
			return ((GatewayResult.Ok<TableDocument>) result).value().rows();
		}

	}

}
