package app.vsxi.dashboard.tables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.vsxi.dashboard.fleet.Sbc;
import app.vsxi.dashboard.fleet.SbcGroupRepository;
import app.vsxi.dashboard.fleet.SbcRepository;
import app.vsxi.dashboard.gateway.TableRow;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import app.vsxi.dashboard.tables.engine.KeyText;
import app.vsxi.dashboard.tables.engine.LargeTableDiff;
import app.vsxi.dashboard.tables.engine.RowCodec;
import app.vsxi.dashboard.tables.engine.RowKey;
import app.vsxi.dashboard.tables.engine.Rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What drafts and snapshots must do on every database the dashboard supports. */
abstract class DraftPersistenceContract {

	/** The cipher that seals rows of tables with passwords, under a key of the tests' own. */
	@org.springframework.boot.test.context.TestConfiguration
	@Import(RowsAtRest.class)
	static class Sealing {

		@org.springframework.context.annotation.Bean
		app.vsxi.dashboard.fleet.CredentialCipher credentialCipher() {
			return new app.vsxi.dashboard.fleet.CredentialCipher(
					java.util.Base64.getEncoder().encodeToString(new byte[32]), List.of());
		}

	}

	private static final List<String> KEY = List.of("alias", "tableId");

	@Autowired
	DraftRepository drafts;

	@Autowired
	SbcRepository sbcs;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	SbcGroupRepository groups;

	private long sbcId;

	@BeforeEach
	void sbc() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.sbcId = this.sbcs.save(Sbc.builder()
			.name("tables-" + System.nanoTime())
			.baseUrl("https://10.0.0.2:8888")
			.username("api")
			.passwordCipher("k:x")
			.groupId(this.groups.findByName("Default").orElseThrow().id())
			.createdAt(now)
			.updatedAt(now)
			.build()).id();
	}

	/** Rows as a box sends them: field order, nested entries, repeated elements, text that looks like numbers. */
	private static List<TableRow> base() {
		List<TableRow> rows = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("alias", "R" + i);
			fields.put("tableId", String.valueOf(i % 4));
			fields.put("digitMatch", i == 0 ? "+15551234567" : "00" + i);
			fields.put("note", i == 1 ? "Zürich – «ü» \u2603" : "");
			fields.put("typeSIPgw", new TableRow(Map.of("direction", "both")));
			fields.put("node", List.of(new TableRow(Map.of("fqdn", "10.0.0." + i)), new TableRow(Map.of("fqdn", "h"))));
			fields.put("unknownNewField", "kept");
			rows.add(new TableRow(fields));
		}
		return rows;
	}

	@Test
	void aSubscriberDraftAndSnapshotAreStoredSealedAndReadBackAsTheyWere() {
		TableRow subscriber = new TableRow(Map.of("username", "alice", "userDomain", "example.net", "password",
				"Sip-Secret-9"));
		long id = this.drafts.create(this.sbcId, "subscriber", "XBSubscriberList", "XBSubscriber", "owner",
				RowCodec.pack(List.of(subscriber)), null);
		RowKey key = RowKey.of(subscriber, List.of("username", "userDomain"));
		this.drafts.putEdit(id, key, subscriber.with("password", "Sip-Secret-10"));
		long snapshot = this.drafts.saveSnapshot(this.sbcId, "subscriber", "XBSubscriberList", "XBSubscriber", "owner",
				"before apply", RowCodec.pack(List.of(subscriber)));

		assertThat(read(sink -> this.drafts.readBase(id, sink))).containsExactly(subscriber);
		assertThat(this.drafts.base(id).orElseThrow().toList()).containsExactly(subscriber);
		assertThat(this.drafts.edits(id)).containsExactly(Map.entry(key, subscriber.with("password", "Sip-Secret-10")));
		assertThat(read(sink -> this.drafts.snapshotRows(snapshot).orElseThrow().forEach(sink)))
			.containsExactly(subscriber);
		String stored = this.jdbc.queryForObject("SELECT row_data FROM table_draft_edit WHERE draft_id = ?",
				String.class, id);
		byte[] base = this.jdbc.queryForObject("SELECT base_data FROM table_draft WHERE id = ?", byte[].class, id);
		byte[] kept = this.jdbc.queryForObject("SELECT data FROM table_snapshot WHERE id = ?", byte[].class, snapshot);
		assertThat(stored).doesNotContain("Sip-Secret");
		assertThat(new String(base, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("VSXSEAL1");
		assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("VSXSEAL1");
	}

	@Test
	void subscriberRowsStoredInClearBeforeSealingAreSealedLaterAndRouteRowsAreLeftAlone() {
		TableRow subscriber = new TableRow(Map.of("username", "bob", "userDomain", "example.net", "password",
				"Sip-Clear-7"));
		long id = this.drafts.create(this.sbcId, "subscriber", "XBSubscriberList", "XBSubscriber", "owner",
				RowCodec.pack(List.of()), null);
		long route = this.drafts.create(this.sbcId, "route", "XBRoutes", "XBRoute", "owner",
				RowCodec.pack(List.of(new TableRow(Map.of("alias", "r1", "tableId", "1")))), null);
		byte[] clear = RowCodec.pack(List.of(subscriber)).data();
		this.jdbc.update("UPDATE table_draft SET base_data = ? WHERE id = ?", clear, id);
		this.jdbc.update("INSERT INTO table_draft_edit (draft_id, seq, row_key, row_data) VALUES (?, 1, ?, ?)", id,
				KeyText.format(RowKey.of(subscriber, List.of("username", "userDomain"))), RowCodec.toJson(subscriber));
		byte[] routeBefore = this.jdbc.queryForObject("SELECT base_data FROM table_draft WHERE id = ?", byte[].class,
				route);

		int sealed = this.drafts.sealStoredRows();

		assertThat(sealed).isGreaterThanOrEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT row_data FROM table_draft_edit WHERE draft_id = ?", String.class, id))
			.doesNotContain("Sip-Clear-7");
		assertThat(new String(this.jdbc.queryForObject("SELECT base_data FROM table_draft WHERE id = ?", byte[].class, id),
				java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("VSXSEAL1");
		assertThat(read(sink -> this.drafts.readBase(id, sink))).containsExactly(subscriber);
		assertThat(this.drafts.edits(id).values()).containsExactly(subscriber);
		assertThat(this.jdbc.queryForObject("SELECT base_data FROM table_draft WHERE id = ?", byte[].class, route))
			.isEqualTo(routeBefore);
		assertThat(this.drafts.sealStoredRows()).as("nothing left to seal").isZero();
	}

	private static List<TableRow> read(LargeTableDiff.RowSource source) {
		List<TableRow> rows = new ArrayList<>();
		source.forEach(rows::add);
		return rows;
	}

	@Test
	void aDraftOfUnknownBaseTakesItsFirstImportAsItsBase() {
		long id = this.drafts.create(this.sbcId, "users", "XBUserList", "XBUser", "alice", RowCodec.pack(List.of()),
				null);
		assertThat(this.drafts.find(id)).get().satisfies(draft -> {
			assertThat(draft.baseRows()).isZero();
			assertThat(draft.baseUnknown()).isTrue();
		});
		List<TableRow> imported = base().subList(0, 2);

		this.drafts.replaceBase(id, RowCodec.pack(imported));

		assertThat(read(sink -> this.drafts.readBase(id, sink))).isEqualTo(imported);
		assertThat(this.drafts.find(id)).get().extracting(Draft::baseRows).isEqualTo(2);
	}

	@Test
	void aDraftKeepsItsBaseWithEveryFieldInOrderAndItsEditsInTheOrderMade() {
		List<TableRow> base = base();
		long id = this.drafts.create(this.sbcId, "route", "XBRouteList", "XBRoute", "alice", RowCodec.pack(base), null);

		List<TableRow> read = read(sink -> this.drafts.readBase(id, sink));
		assertThat(read).isEqualTo(base);
		assertThat(List.copyOf(read.get(0).fields().keySet())).isEqualTo(List.copyOf(base.get(0).fields().keySet()));
		// the packed copy an export reads once its connection is given back
		assertThat(this.drafts.base(id)).get().satisfies(packed -> {
			assertThat(packed.rows()).isEqualTo(300);
			assertThat(packed.toList()).isEqualTo(base);
		});
		assertThat(this.drafts.base(id + 1_000_000)).isEmpty();
		assertThat(this.drafts.find(id)).get().satisfies(draft -> {
			assertThat(draft.baseRows()).isEqualTo(300);
			assertThat(draft.owner()).isEqualTo("alice");
			assertThat(draft.root()).isEqualTo("XBRouteList");
			assertThat(draft.rollbackOf()).isNull();
		});

		RowKey changed = RowKey.of(base.get(5), KEY);
		RowKey deleted = RowKey.of(base.get(6), KEY);
		TableRow added = base.get(7).with("alias", "NEW").with("note", "ü");
		this.drafts.putEdit(id, changed, base.get(5).with("digitMatch", "999"));
		this.drafts.putEdit(id, deleted, null);
		this.drafts.putEdit(id, RowKey.of(added, KEY), added);
		this.drafts.putEdit(id, changed, base.get(5).with("digitMatch", "998"));

		Map<RowKey, TableRow> edits = this.drafts.edits(id);
		assertThat(edits.keySet()).containsExactly(changed, deleted, RowKey.of(added, KEY));
		assertThat(edits.get(changed).text("digitMatch")).isEqualTo("998");
		assertThat(edits.get(deleted)).isNull();
		assertThat(edits).containsKey(deleted);
		assertThat(edits.get(RowKey.of(added, KEY))).isEqualTo(added);

		this.drafts.dropEdit(id, deleted);
		assertThat(this.drafts.edits(id).keySet()).containsExactly(changed, RowKey.of(added, KEY));
		assertThat(this.drafts.forSbc(this.sbcId)).extracting(Draft::id).containsExactly(id);

		this.drafts.delete(id);
		assertThat(this.drafts.find(id)).isEmpty();
		assertThat(this.drafts.edits(id)).isEmpty();
	}

	@Test
	void manyRowsSavedAtOnceLandInBatchesAfterTheEditsBeforeThemAndUpdateARowEditedBefore() {
		List<TableRow> base = base();
		long id = this.drafts.create(this.sbcId, "route", "XBRouteList", "XBRoute", "alice", RowCodec.pack(base), null);
		RowKey earlier = RowKey.of(base.get(3), KEY);
		this.drafts.putEdit(id, earlier, base.get(3).with("digitMatch", "111"), "alice");

		// two and a half batches of new rows, and the row edited before
		Map<RowKey, TableRow> imported = new LinkedHashMap<>();
		for (int i = 0; i < 2_500; i++) {
			TableRow row = base.get(0).with("alias", "IMP" + i);
			imported.put(RowKey.of(row, KEY), row);
		}
		imported.put(earlier, base.get(3).with("digitMatch", "222"));
		this.drafts.putEdits(id, imported, "bob");

		Map<RowKey, TableRow> edits = this.drafts.edits(id);
		List<RowKey> order = List.copyOf(edits.keySet());
		assertThat(edits).hasSize(2_501);
		assertThat(order.get(0)).isEqualTo(earlier);
		assertThat(order.get(1)).isEqualTo(RowKey.of(base.get(0).with("alias", "IMP0"), KEY));
		assertThat(order.get(1_001)).isEqualTo(RowKey.of(base.get(0).with("alias", "IMP1000"), KEY));
		assertThat(order.get(2_500)).isEqualTo(RowKey.of(base.get(0).with("alias", "IMP2499"), KEY));
		assertThat(edits.get(order.get(2_500)).text("alias")).isEqualTo("IMP2499");
		assertThat(edits.get(earlier).text("digitMatch")).isEqualTo("222");
		assertThat(this.drafts.authors(id)).containsExactly("alice", "bob");

		this.drafts.delete(id);
		assertThatThrownBy(() -> this.drafts.putEdits(id, imported, "bob")).isInstanceOf(TableEditorException.class)
			.hasMessageContaining("no longer there");
		assertThat(this.drafts.edits(id)).isEmpty();
	}

	@Test
	void everySavedEditMovesTheEditsVersionSoAViewHeldOnAnotherInstanceReadsThemAgain() {
		List<TableRow> base = base();
		long id = this.drafts.create(this.sbcId, "route", "XBRouteList", "XBRoute", "alice", RowCodec.pack(base), null);
		Draft draft = this.drafts.find(id).orElseThrow();
		TablesProperties properties = new TablesProperties(1000, 5000, 20, 4, 50, 2, 3, 20,
				java.time.Duration.ofDays(7), 100000);
		OpenDrafts here = new OpenDrafts(this.drafts, properties);
		OpenDrafts there = new OpenDrafts(this.drafts, properties);
		RowKey third = RowKey.of(base.get(3), KEY);
		assertThat(this.drafts.editsVersion(id)).isZero();
		assertThat(here.view(draft).editCount()).isZero();

		// saved through the other instance: this one's view is stale until it asks the database
		there.view(draft);
		this.drafts.putEdit(id, third, base.get(3).with("digitMatch", "111"), "bob");
		assertThat(this.drafts.editsVersion(id)).isEqualTo(1);
		assertThat(here.current(draft, third).text("digitMatch")).isEqualTo("111");
		assertThat(here.view(draft).editCount()).isEqualTo(1);

		// an import saved here is laid over this view as saved, in the stored order
		Map<RowKey, TableRow> imported = new LinkedHashMap<>();
		TableRow added = base.get(0).with("alias", "IMP1");
		imported.put(RowKey.of(added, KEY), added);
		imported.put(third, base.get(3).with("digitMatch", "222"));
		long version = this.drafts.putEdits(id, imported, "carol");
		assertThat(version).isEqualTo(2).isEqualTo(this.drafts.editsVersion(id));
		here.saved(draft, imported, version);
		DraftView.Page page = here.view(draft).page(new DraftView.Request(Map.of(), null, false, 0, 500));
		DraftView.Page fresh = new OpenDrafts(this.drafts, properties).view(draft)
			.page(new DraftView.Request(Map.of(), null, false, 0, 500));
		assertThat(page.rows()).isEqualTo(fresh.rows());
		assertThat(here.view(draft).edit(third).text("digitMatch")).isEqualTo("222");
		assertThat(there.current(draft, third).text("digitMatch")).isEqualTo("222");

		// a view that missed a save (a drop elsewhere) reads the edits again rather than laying the next over a gap
		DraftView held = here.view(draft);
		this.drafts.dropEdit(id, third);
		TableRow another = base.get(0).with("alias", "IMP2");
		Map<RowKey, TableRow> more = Map.of(RowKey.of(another, KEY), another);
		long next = this.drafts.putEdits(id, more, "carol");
		assertThat(next).isEqualTo(4);
		here.saved(draft, more, next);
		assertThat(held.version()).isEqualTo(4);
		assertThat(held.edited(third)).isFalse();
		assertThat(held.editCount()).isEqualTo(2);

		this.drafts.delete(id);
		assertThat(this.drafts.editsVersion(id)).isEqualTo(-1);
	}

	@Test
	void snapshotsKeepTheTableExactlyAndOnlyTheNewestAreKept() {
		List<TableRow> base = base();
		long first = this.drafts.saveSnapshot(this.sbcId, "route", "XBRouteList", "XBRoute", "bob", "first",
				RowCodec.pack(base.subList(0, 10)));
		long second = this.drafts.saveSnapshot(this.sbcId, "route", "XBRouteList", "XBRoute", "bob", "x".repeat(400),
				RowCodec.pack(base));
		long third = this.drafts.saveSnapshot(this.sbcId, "route", "XBRouteList", "XBRoute", "bob", "third",
				RowCodec.pack(List.of()));

		this.drafts.pruneSnapshots(this.sbcId, "route", 2);

		assertThat(this.drafts.snapshots(this.sbcId, "route")).extracting(Snapshot::id).containsExactly(third, second);
		assertThat(this.drafts.snapshot(first)).isEmpty();
		assertThat(this.drafts.snapshot(second)).get().satisfies(snapshot -> {
			assertThat(snapshot.rows()).isEqualTo(300);
			assertThat(snapshot.reason()).hasSize(255);
		});
		assertThat(read(sink -> this.drafts.snapshotRows(second).orElseThrow().forEach(sink))).isEqualTo(base);
		assertThat(read(sink -> this.drafts.snapshotRows(third).orElseThrow().forEach(sink))).isEmpty();
	}

	@Test
	void aRollbackDraftNamesItsSnapshotAndGoesWithItsSbc() {
		long snapshot = this.drafts.saveSnapshot(this.sbcId, "resource", "XBResourceList", "XBResource", "bob", "s",
				RowCodec.pack(base().subList(0, 3)));
		long id = this.drafts.create(this.sbcId, "resource", "XBResourceList", "XBResource", "bob",
				RowCodec.pack(base().subList(0, 3)), snapshot);
		this.drafts.putEdit(id, RowKey.of(base().get(0), KEY), null);
		assertThat(this.drafts.find(id)).get().extracting(Draft::rollbackOf).isEqualTo(snapshot);

		this.sbcs.deleteById(this.sbcId);

		assertThat(this.drafts.find(id)).isEmpty();
		assertThat(this.drafts.edits(id)).isEmpty();
		assertThat(this.drafts.snapshot(snapshot)).isEmpty();
	}

	/**
	 * Two operators saving into one draft at the same moment, many times over: every edit lands, none is lost to the
	 * other's, and each row names who edited it. Outside the test's transaction, so the two really race.
	 */
	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void twoOperatorsSavingIntoOneDraftAtOnceBothLandAndBothAreItsAuthors() throws Exception {
		List<TableRow> base = base();
		long id = this.drafts.create(this.sbcId, "route", "XBRouteList", "XBRoute", "alice", RowCodec.pack(base), null);
		ExecutorService two = Executors.newFixedThreadPool(2);
		try {
			int rounds = 40;
			for (int round = 0; round < rounds; round++) {
				CyclicBarrier together = new CyclicBarrier(2);
				TableRow hers = base.get(round).with("note", "alice " + round);
				TableRow his = base.get(100 + round).with("note", "bob " + round);
				Future<?> alice = two.submit(() -> {
					together.await();
					this.drafts.putEdit(id, RowKey.of(hers, KEY), hers, "alice");
					return null;
				});
				Future<?> bob = two.submit(() -> {
					together.await();
					this.drafts.putEdit(id, RowKey.of(his, KEY), his, "bob");
					return null;
				});
				alice.get(30, TimeUnit.SECONDS);
				bob.get(30, TimeUnit.SECONDS);
			}
			Map<RowKey, TableRow> edits = this.drafts.edits(id);
			assertThat(edits).hasSize(2 * rounds);
			assertThat(edits.get(RowKey.of(base.get(7), KEY)).text("note")).isEqualTo("alice 7");
			assertThat(edits.get(RowKey.of(base.get(107), KEY)).text("note")).isEqualTo("bob 7");
			assertThat(this.drafts.authors(id)).containsExactlyInAnyOrder("alice", "bob");

			// one row edited by both keeps both names, once each
			TableRow shared = base.get(250);
			this.drafts.putEdit(id, RowKey.of(shared, KEY), shared.with("note", "x"), "carol");
			this.drafts.putEdit(id, RowKey.of(shared, KEY), shared.with("note", "y"), "dave");
			this.drafts.putEdit(id, RowKey.of(shared, KEY), shared.with("note", "z"), "carol");
			assertThat(this.drafts.authors(id)).containsExactlyInAnyOrder("alice", "bob", "carol", "dave");
			assertThat(this.drafts.edits(id).get(RowKey.of(shared, KEY)).text("note")).isEqualTo("z");
		}
		finally {
			two.shutdownNow();
			// nothing here is rolled back for us: the SBC takes its drafts with it
			this.sbcs.deleteById(this.sbcId);
		}
	}

	@Test
	void countsADraftsOwnersDraftsAndFindsThoseUntouchedForLong() {
		Instant before = Instant.now();
		long id = this.drafts.create(this.sbcId, "route", "XBRouteList", "XBRoute", "erin-" + this.sbcId,
				RowCodec.pack(base().subList(0, 3)), null);
		this.drafts.create(this.sbcId, "resource", "XBResourceList", "XBResource", "erin-" + this.sbcId,
				RowCodec.pack(base().subList(0, 3)), null);
		assertThat(this.drafts.countOwnedBy("erin-" + this.sbcId)).isEqualTo(2);
		assertThat(this.drafts.untouchedSince(before)).extracting(Draft::id).doesNotContain(id);
		Instant later = Instant.now().plusSeconds(1);
		assertThat(this.drafts.untouchedSince(later)).extracting(Draft::id).contains(id);
		assertThat(this.drafts.deleteIfUntouchedSince(id, before)).isFalse();
		assertThat(this.drafts.deleteIfUntouchedSince(id, later)).isTrue();
		assertThat(this.drafts.countOwnedBy("erin-" + this.sbcId)).isEqualTo(1);
	}

}
