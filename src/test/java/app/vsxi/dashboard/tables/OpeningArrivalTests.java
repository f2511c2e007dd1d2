package app.vsxi.dashboard.tables;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static app.vsxi.dashboard.tables.engine.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

/** What the opening page shows while a table arrives: every row counted, the first screenful listed, no secret. */
class OpeningArrivalTests {

	@Test
	void theFirstRowsAreListedAsTheyArriveAndTheRestOnlyCounted() {
		TableOpenings.Opening opening = new TableOpenings.Opening("o-1", "admin", 7, EditableTable.ROUTE,
				Instant.now());
		assertThat(opening.progress().arrived().rows()).isEmpty();

		for (int i = 0; i < 25; i++) {
			opening.arrived(row("alias", "r" + i, "tableId", "1", "digitMatch", "<b>" + i + "</b>"));
		}

		TableOpenings.Progress progress = opening.progress();
		assertThat(progress.rows()).isEqualTo(25);
		assertThat(progress.arrived().columns()).containsExactly("alias", "tableId", "digitMatch");
		assertThat(progress.arrived().rows()).hasSize(20);
		assertThat(progress.arrived().rows().get(0)).containsExactly("r0", "1", "<b>0</b>");
		assertThat(progress.arrived().rows().get(19)).containsExactly("r19", "1", "<b>19</b>");
	}

	@Test
	void aRowLackingAFieldShowsItEmptyAndAColumnFirstSeenLaterIsAdded() {
		TableOpenings.Opening opening = new TableOpenings.Opening("o-2", "admin", 7, EditableTable.ROUTE,
				Instant.now());
		opening.arrived(row("alias", "a", "tableId", "1"));
		opening.arrived(row("alias", "b", "tableId", "1", "policy", "top_down"));

		TableOpenings.Arrived arrived = opening.progress().arrived();
		assertThat(arrived.columns()).containsExactly("alias", "tableId", "policy");
		assertThat(arrived.rows()).containsExactly(java.util.List.of("a", "1", ""),
				java.util.List.of("b", "1", "top_down"));
	}

	@Test
	void aSubscribersPasswordNeverReachesThePage() {
		TableOpenings.Opening opening = new TableOpenings.Opening("o-3", "admin", 7, EditableTable.SUBSCRIBER,
				Instant.now());
		opening.arrived(row("username", "alice", "userDomain", "example.net", "password", "s3cret-SIP"));

		TableOpenings.Arrived arrived = opening.progress().arrived();
		assertThat(arrived.rows().get(0)).containsExactly("alice", "example.net", SecretFields.SET);
		assertThat(arrived.rows().toString()).doesNotContain("s3cret-SIP");
	}

}
